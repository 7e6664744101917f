#!/usr/bin/env python3
# Writes the unrolled SHA-256 / SHA-512 round bodies used in assembly/tls/crypto/sha2.ts (FIPS 180-4 §6.2.2,
# §6.4.2): rolling 16-word schedule in locals, working variables renamed per round instead of shifted.
# Run: python3 test/crypto/sym-sha2-gen.py  (writes sha256_rounds.txt and sha512_rounds.txt here).
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
open("sha256_rounds.txt", "w").write(gen(32) + "\n")
open("sha512_rounds.txt", "w").write(gen(64) + "\n")
