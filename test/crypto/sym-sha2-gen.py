#!/usr/bin/env python3
# Writes the unrolled SHA-256 / SHA-512 round bodies used in assembly/tls/crypto/sha2.ts (FIPS 180-4 §6.2.2,
# §6.4.2): rolling 16-word schedule in locals, working variables renamed per round instead of shifted.
# Also the SHA-256 body for wasm SIMD builds (sha256_simd_rounds.txt): the schedule runs four words at a
# time in i32x4 vectors, interleaved with the rounds (group g+4 after round 4g+3), and leaves W[t]+K[t] in
# a 64-word buffer, so the scalar rounds keep only the working variables in registers.
# Run: python3 test/crypto/sym-sha2-gen.py  (writes sha256_rounds.txt, sha256_simd_rounds.txt and
# sha512_rounds.txt here).
K256 = None
def gen(bits):
    if bits == 32:
        T, rounds, ws, S0, S1, s0, s1 = "u32", 64, 4, (2, 13, 22), (6, 11, 25), (7, 18, 3), (17, 19, 10)
    else:
        T, rounds, ws, S0, S1, s0, s1 = "u64", 80, 8, (28, 34, 39), (14, 18, 41), (1, 8, 7), (19, 61, 6)
    L = []
    names = ["a", "b", "c", "d", "e", "f", "g", "h"]
    for i in range(rounds):
        v = [names[(j - i) % 8] for j in range(8)]  # role j -> variable
        a, b, c, d, e, f, g, h = v
        w = f"w{i % 16}"
        if i < 16:
            L.append(f"      {w} = bswap<{T}>(load<{T}>(p, {i * ws}));")
        else:
            x15 = f"w{(i - 15) % 16}"; x2 = f"w{(i - 2) % 16}"; x7 = f"w{(i - 7) % 16}"
            L.append(f"      {w} += (rotr<{T}>({x15}, {s0[0]}) ^ rotr<{T}>({x15}, {s0[1]}) ^ ({x15} >> {s0[2]})) + {x7}"
                     f" + (rotr<{T}>({x2}, {s1[0]}) ^ rotr<{T}>({x2}, {s1[1]}) ^ ({x2} >> {s1[2]}));")
        L.append(f"      t1 = {h} + (rotr<{T}>({e}, {S1[0]}) ^ rotr<{T}>({e}, {S1[1]}) ^ rotr<{T}>({e}, {S1[2]})) + ({g} ^ ({e} & ({f} ^ {g})))"
                 f" + load<{T}>(k, {i * ws}) + {w};")
        L.append(f"      {d} += t1;")
        L.append(f"      {h} = t1 + (rotr<{T}>({a}, {S0[0]}) ^ rotr<{T}>({a}, {S0[1]}) ^ rotr<{T}>({a}, {S0[2]})) + (({a} & {b}) | ({c} & ({a} | {b})));")
    return "\n".join(L)
def gen_simd():
    """Rounds read W[t]+K[t] from `wk`; x0..x3 hold the last 16 schedule words (group g in x{g % 4})."""
    def sigma(v, r1, r2, sh):
        return (f"v128.xor(v128.xor(v128.or(i32x4.shr_u({v}, {r1}), i32x4.shl({v}, {32 - r1})), "
                f"v128.or(i32x4.shr_u({v}, {r2}), i32x4.shl({v}, {32 - r2}))), i32x4.shr_u({v}, {sh}))")
    L = []
    names = ["a", "b", "c", "d", "e", "f", "g", "h"]
    for i in range(64):
        a, b, c, d, e, f, g, h = [names[(j - i) % 8] for j in range(8)]
        # Critical path first: h + (W+K) does not wait for e, so t1 is e's functions added last.
        L.append(f"      t1 = (rotr<u32>({e}, 6) ^ rotr<u32>({e}, 11) ^ rotr<u32>({e}, 25)) + (({g} ^ ({e} & ({f} ^ {g})))"
                 f" + ({h} + load<u32>(wk, {i * 4})));")
        L.append(f"      {d} += t1;")
        # Maj(a,b,c) = b ^ ((a ^ b) & (b ^ c)); this round's a ^ b is the next round's b ^ c.
        L.append(f"      ab = {a} ^ {b};")
        L.append(f"      {h} = t1 + ((rotr<u32>({a}, 2) ^ rotr<u32>({a}, 13) ^ rotr<u32>({a}, 22)) + ({b} ^ (ab & bc))); bc = ab;")
        if i % 4 == 3 and i < 48:
            grp = i // 4 + 4  # computes W[4grp .. 4grp+3]
            X = lambda j: f"x{(grp + j) % 4}"  # X(0) = group grp-4, ..., X(3) = group grp-1
            L.append(f"      // W[{4 * grp}..{4 * grp + 3}]")
            L.append(f"      w15 = i32x4.shuffle({X(0)}, {X(1)}, 1, 2, 3, 4);")
            L.append(f"      y = i32x4.add(i32x4.add({X(0)}, {sigma('w15', 7, 18, 3)}), i32x4.shuffle({X(2)}, {X(3)}, 1, 2, 3, 4));")
            L.append(f"      w2 = i32x4.shuffle({X(3)}, {X(3)}, 2, 3, 2, 3);")
            L.append(f"      w15 = i32x4.add(y, {sigma('w2', 17, 19, 10)});")
            L.append(f"      w2 = i32x4.shuffle(w15, w15, 0, 1, 0, 1);")
            L.append(f"      {X(0)} = i32x4.shuffle(w15, i32x4.add(y, {sigma('w2', 17, 19, 10)}), 0, 1, 6, 7);")
            L.append(f"      v128.store(wk, i32x4.add({X(0)}, v128.load(k, {16 * grp})), {16 * grp});")
    return "\n".join(L)
open("sha256_simd_rounds.txt", "w").write(gen_simd() + "\n")
open("sha256_rounds.txt", "w").write(gen(32) + "\n")
open("sha512_rounds.txt", "w").write(gen(64) + "\n")
