#!/usr/bin/env python3
# Generator for the straight-line parts of assembly/tls/crypto/aes.ts (run: python3 test/crypto/sym-aes-gen.py OUTDIR).
# 1) computes the FIPS 197 S-box from its definition, derives a bitsliced S-box circuit of its own
#    (GF(2^8) inverse via the tower GF((2^4)^2), 169 gates) as a cross-check, and checks the circuit
#    that is emitted: Boyar & Peralta's 113-gate one (32 AND; "A new combinational logic minimization
#    technique with applications to cryptology", SEA 2010 / J. Cryptology 2013) on all 256 inputs;
#    2) emits pack4/unpack4 (scalar);
# 3) emits encrypt4 (u64) and sboxSlices; 4) emits encrypt8 and transpose8 (wasm SIMD layout,
#    row-major bytes, with the GHASH hooks that gcm.ts uses).
# aes.ts = hand-written head + pack_generated.ts + aes_generated.ts + aes_simd8.ts.
import os, sys
os.chdir(sys.argv[1] if len(sys.argv) > 1 else ".")
import itertools

def gmul(a, b, poly=0x11b, deg=8):
    r = 0
    while b:
        if b & 1: r ^= a
        b >>= 1; a <<= 1
        if a >> deg & 1: a ^= poly
    return r
def ginv(a):
    if a == 0: return 0
    for b in range(1, 256):
        if gmul(a, b) == 1: return b
def sbox(a):
    b = ginv(a); s = 0
    for i in range(8):
        bit = (b >> i ^ b >> ((i+4)%8) ^ b >> ((i+5)%8) ^ b >> ((i+6)%8) ^ b >> ((i+7)%8) ^ 0x63 >> i) & 1
        s |= bit << i
    return s
SB = [sbox(a) for a in range(256)]
assert SB[0] == 0x63 and SB[1] == 0x7c and SB[0x53] == 0xed

# GF(16) = GF(2)[z]/(z^4+z+1)
def m16(a, b): return gmul(a, b, 0x13, 4)
def inv16(a):
    if a == 0: return 0
    return next(b for b in range(16) if m16(a, b) == 1)
# Tower GF(256)' = GF(16)[y]/(y^2 + y + lam), element = (a1, a0) packed as a1<<4 | a0
lam = next(l for l in range(1, 16) if all((m16(t, t) ^ t ^ l) != 0 for t in range(16)))
def tmul(a, b):
    a1, a0, b1, b0 = a >> 4, a & 15, b >> 4, b & 15
    # (a1 y + a0)(b1 y + b0) = a1b1 y^2 + (a1b0 + a0b1) y + a0b0, y^2 = y + lam
    p = m16(a1, b1)
    hi = p ^ m16(a1, b0) ^ m16(a0, b1)
    lo = m16(p, lam) ^ m16(a0, b0)
    return hi << 4 | lo
def tpow(a, e):
    r = 1
    for _ in range(e): r = tmul(r, a)
    return r
# find beta in tower with beta^8+beta^4+beta^3+beta+1 = 0
def is_root(b):
    return tpow(b, 8) ^ tpow(b, 4) ^ tpow(b, 3) ^ b ^ 1 == 0
beta = next(b for b in range(2, 256) if is_root(b))
# phi: AES element sum a_i x^i -> sum a_i beta^i (a GF(2)-linear map)
cols = [tpow(beta, i) for i in range(8)]
def phi(a):
    r = 0
    for i in range(8):
        if a >> i & 1: r ^= cols[i]
    return r
assert all(phi(gmul(a, b)) == tmul(phi(a), phi(b)) for a in range(0, 256, 7) for b in range(0, 256, 5))
phinv = {phi(a): a for a in range(256)}
assert len(phinv) == 256

# ---- circuit builder over truth tables
FULL = (1 << 256) - 1
class C:
    def __init__(s):
        s.lines = []; s.n = 0; s.cache = {}
        s.gates = 0
    def inp(s, name, fn):
        tt = 0
        for a in range(256):
            if fn(a): tt |= 1 << a
        s.cache[tt] = name
        return (name, tt)
    def op(s, kind, x, y=None):
        if kind == 'xor': tt = x[1] ^ y[1]
        elif kind == 'and': tt = x[1] & y[1]
        elif kind == 'not': tt = x[1] ^ FULL
        if tt in s.cache: return (s.cache[tt], tt)
        name = f"t{s.n}"; s.n += 1
        s.lines.append((name, kind, x[0], y[0] if y else None))
        s.cache[tt] = name; s.gates += 1
        return (name, tt)
    def xor(s, a, b): return s.op('xor', a, b)
    def and_(s, a, b): return s.op('and', a, b)
    def not_(s, a): return s.op('not', a)

c = C()
U = [c.inp(f"u{i}", lambda a, i=i: a >> i & 1) for i in range(8)]

def linear(c, inputs, rows):
    # rows: list of bitmasks over inputs; greedy pairwise sharing (simple Paar heuristic)
    rows = [r for r in rows]
    sig = list(inputs)
    while True:
        best = None; bc = 1
        n = len(sig)
        for i in range(n):
            for j in range(i+1, n):
                m = (1 << i) | (1 << j)
                cnt = sum(1 for r in rows if r & m == m)
                if cnt > bc: bc = cnt; best = (i, j)
        if best is None: break
        i, j = best
        sig.append(c.xor(sig[i], sig[j]))
        k = len(sig) - 1
        m = (1 << i) | (1 << j)
        rows = [(r & ~m) | (1 << k) if r & m == m else r for r in rows]
    outs = []
    for r in rows:
        terms = [sig[i] for i in range(len(sig)) if r >> i & 1]
        acc = terms[0]
        for t in terms[1:]: acc = c.xor(acc, t)
        outs.append(acc)
    return outs

# Top: tower bits of phi(u); plus linear pieces needed: a1 (4), a0 (4), a0^a1 (4), and
# L = lam*a1^2 + a0^2 (4 bits, linear in the tower bits).
def bitrow(f, bit):
    # row over u0..u7 for bit `bit` of linear map f on AES bytes
    r = 0
    for i in range(8):
        if f(1 << i) >> bit & 1: r |= 1 << i
    return r
fa = lambda a: phi(a)
fsum = lambda a: (phi(a) >> 4) ^ (phi(a) & 15)
fL = lambda a: m16(m16(phi(a) >> 4, phi(a) >> 4), lam) ^ m16(phi(a) & 15, phi(a) & 15)
rows = [bitrow(fa, b) for b in range(8)] + [bitrow(fsum, b) for b in range(4)] + [bitrow(fL, b) for b in range(4)]
top = linear(c, U, rows)
A0 = top[0:4]; A1 = top[4:8]; S = top[8:12]; L = top[12:16]

def mul16(c, a, b):
    # schoolbook product then reduce z^4 = z + 1
    p = [None] * 7
    for i in range(4):
        for j in range(4):
            t = c.and_(a[i], b[j])
            p[i+j] = t if p[i+j] is None else c.xor(p[i+j], t)
    # z^4 -> z+1, z^5 -> z^2+z, z^6 -> z^3+z^2
    r = p[:4]
    r[0] = c.xor(r[0], p[4]); r[1] = c.xor(r[1], p[4])
    r[1] = c.xor(r[1], p[5]); r[2] = c.xor(r[2], p[5])
    r[2] = c.xor(r[2], p[6]); r[3] = c.xor(r[3], p[6])
    return r

P = mul16(c, A1, A0)
D = [c.xor(P[i], L[i]) for i in range(4)]
# inverse in GF(16) from its algebraic normal form
def anf(fn):
    # fn: 4-bit -> bit; returns list of monomials (bitmask of variables)
    tt = [fn(x) for x in range(16)]
    coef = tt[:]
    for i in range(4):
        for x in range(16):
            if x >> i & 1: coef[x] ^= coef[x ^ (1 << i)]
    return [m for m in range(16) if coef[m]]
mono = {}
def monomial(c, vars_, m):
    if m in mono: return mono[m]
    bits = [i for i in range(4) if m >> i & 1]
    if len(bits) == 1: r = vars_[bits[0]]
    else:
        # split off highest var
        hi = bits[-1]; rest = m & ~(1 << hi)
        r = c.and_(monomial(c, vars_, rest), vars_[hi])
    mono[m] = r
    return r
Dinv = []
for b in range(4):
    ms = anf(lambda x, b=b: inv16(x) >> b & 1)
    assert 0 not in ms
    acc = None
    for m in ms:
        t = monomial(c, D, m)
        acc = t if acc is None else c.xor(acc, t)
    Dinv.append(acc)
O1 = mul16(c, A1, Dinv)      # a1 * d^-1
O0 = mul16(c, S, Dinv)       # (a0 + a1) * d^-1
# Bottom: out = Aff(phinv(O1<<4 | O0)) ^ 0x63 ; linear part over the 8 tower output bits
def affine_lin(b):
    s = 0
    for i in range(8):
        bit = (b >> i ^ b >> ((i+4)%8) ^ b >> ((i+5)%8) ^ b >> ((i+6)%8) ^ b >> ((i+7)%8)) & 1
        s |= bit << i
    return s
T = O0 + O1  # tower bits 0..7
brow = []
for ob in range(8):
    r = 0
    for i in range(8):
        if affine_lin(phinv[1 << i]) >> ob & 1: r |= 1 << i
    brow.append(r)
bot = linear(c, T, brow)
out = []
for ob in range(8):
    o = bot[ob]
    if 0x63 >> ob & 1: o = c.not_(o)
    out.append(o)
for ob in range(8):
    want = 0
    for a in range(256):
        if SB[a] >> ob & 1: want |= 1 << a
    assert out[ob][1] == want, f"bit {ob} wrong"
print("// gates:", c.gates, "lam", lam, "beta", beta)
import json
json.dump({"lines": c.lines, "out": [o[0] for o in out]}, open("sbox_circuit.json", "w"))

# ---- the circuit emitted: Boyar-Peralta, U0 = bit 7 (MSB) of the input, S0 = bit 7 of the output.
BP = """T1 = U0 + U3
T2 = U0 + U5
T3 = U0 + U6
T4 = U3 + U5
T5 = U4 + U6
T6 = T1 + T5
T7 = U1 + U2
T8 = U7 + T6
T9 = U7 + T7
T10 = T6 + T7
T11 = U1 + U5
T12 = U2 + U5
T13 = T3 + T4
T14 = T6 + T11
T15 = T5 + T11
T16 = T5 + T12
T17 = T9 + T16
T18 = U3 + U7
T19 = T7 + T18
T20 = T1 + T19
T21 = U6 + U7
T22 = T7 + T21
T23 = T2 + T22
T24 = T2 + T10
T25 = T20 + T17
T26 = T3 + T16
T27 = T1 + T12
M1 = T13 x T6
M2 = T23 x T8
M3 = T14 + M1
M4 = T19 x U7
M5 = M4 + M1
M6 = T3 x T16
M7 = T22 x T9
M8 = T26 + M6
M9 = T20 x T17
M10 = M9 + M6
M11 = T1 x T15
M12 = T4 x T27
M13 = M12 + M11
M14 = T2 x T10
M15 = M14 + M11
M16 = M3 + M2
M17 = M5 + T24
M18 = M8 + M7
M19 = M10 + M15
M20 = M16 + M13
M21 = M17 + M15
M22 = M18 + M13
M23 = M19 + T25
M24 = M22 + M23
M25 = M22 x M20
M26 = M21 + M25
M27 = M20 + M21
M28 = M23 + M25
M29 = M28 x M27
M30 = M26 x M24
M31 = M20 x M23
M32 = M27 x M31
M33 = M27 + M25
M34 = M21 x M22
M35 = M24 x M34
M36 = M24 + M25
M37 = M21 + M29
M38 = M32 + M33
M39 = M23 + M30
M40 = M35 + M36
M41 = M38 + M40
M42 = M37 + M39
M43 = M37 + M38
M44 = M39 + M40
M45 = M42 + M41
M46 = M44 x T6
M47 = M40 x T8
M48 = M39 x U7
M49 = M43 x T16
M50 = M38 x T9
M51 = M37 x T17
M52 = M42 x T15
M53 = M45 x T27
M54 = M41 x T10
M55 = M44 x T13
M56 = M40 x T23
M57 = M39 x T19
M58 = M43 x T3
M59 = M38 x T22
M60 = M37 x T20
M61 = M42 x T1
M62 = M45 x T4
M63 = M41 x T2
L0 = M61 + M62
L1 = M50 + M56
L2 = M46 + M48
L3 = M47 + M55
L4 = M54 + M58
L5 = M49 + M61
L6 = M62 + L5
L7 = M46 + L3
L8 = M51 + M59
L9 = M52 + M53
L10 = M53 + L4
L11 = M60 + L2
L12 = M48 + M51
L13 = M50 + L0
L14 = M52 + M61
L15 = M55 + L1
L16 = M56 + L0
L17 = M57 + L1
L18 = M58 + L8
L19 = M63 + L4
L20 = L0 + L1
L21 = L1 + L7
L22 = L3 + L12
L23 = L18 + L2
L24 = L15 + L9
L25 = L6 + L10
L26 = L7 + L9
L27 = L8 + L10
L28 = L11 + L14
L29 = L11 + L17
S0 = L6 + L24
S1 = L16 # L26
S2 = L19 # L28
S3 = L6 + L21
S4 = L20 + L22
S5 = L25 + L29
S6 = L13 # L27
S7 = L6 # L23
"""
BP_LINES = [ln.split("=") for ln in BP.strip().split("\n")]
BP_LINES = [(n.strip(), e.split()) for n, e in BP_LINES]
for a in range(256):
    env = {f"U{i}": (a >> (7 - i)) & 1 for i in range(8)}
    for n, (x, op, y) in BP_LINES:
        X, Y = env[x], env[y]
        env[n] = X ^ Y if op == "+" else (X & Y if op == "x" else 1 ^ X ^ Y)
    assert sum(env[f"S{i}"] << (7 - i) for i in range(8)) == SB[a], "Boyar-Peralta circuit mismatch"
print("// Boyar-Peralta circuit checked on all 256 inputs")


# ---- packing
L=[]
def wexpr(w):
    blk=w&3; h=w>>2; terms=[]
    for b in range(8):
        q=2*b+h; r=q>>2; c=q&3; j=c*4+r; off=16*blk+j
        t=f"<u64>load<u8>(src, {off})"
        if b: t=f"({t} << {8*b})"
        terms.append(t)
    return " | ".join(terms)
NET=[]
for n,mask in [(1,"0x5555555555555555"),(2,"0x3333333333333333"),(4,"0x0f0f0f0f0f0f0f0f")]:
    for i in range(8):
        if i & n: continue
        NET.append(f"  t = ((w{i} >> {n}) ^ w{i+n}) & {mask}; w{i+n} ^= t; w{i} ^= t << {n};")
L.append("// Gathers 4 blocks (64 bytes at src) into 8 bit slices at st, st+16, … (one u64 lane each):")
L.append("// slice k, bit 4q + b = bit k of byte q (row-major index r*4+c) of block b.")
L.append("function pack4(src: usize, st: usize): void {")
for w in range(8): L.append(f"  let w{w} = {wexpr(w)};")
L.append("  let t: u64;")
L+=NET
for k in range(8): L.append(f"  store<u64>(st, w{k}, {16*k});")
L.append("}")
L.append("")
L.append("/** The inverse of pack4: 8 slices at st (stride 16) back to 4 blocks of bytes at dst. */")
L.append("function unpack4(st: usize, dst: usize): void {")
for k in range(8): L.append(f"  let w{k} = load<u64>(st, {16*k});")
L.append("  let t: u64;")
L+=NET
for w in range(8):
    blk=w&3; h=w>>2
    for b in range(8):
        q=2*b+h; r=q>>2; c=q&3; j=c*4+r; off=16*blk+j
        e=f"w{w}" if b==0 else f"w{w} >> {8*b}"
        L.append(f"  store<u8>(dst, <u8>({e}), {off});")
L.append("}")
open("pack_generated.ts","w").write("\n".join(L)+"\n")

# ---- rounds
import json
circ = json.load(open("sbox_circuit.json"))

class U64:
    T = "u64"
    def xor(s, a, b): return f"{a} ^ {b}"
    def and_(s, a, b): return f"{a} & {b}"
    def not_(s, a): return f"~{a}"
class V128:
    T = "v128"
    def xor(s, a, b): return f"v128.xor({a}, {b})"
    def and_(s, a, b): return f"v128.and({a}, {b})"
    def not_(s, a): return f"v128.not({a})"

def sbox_code(o, ind, const=True):
    # s0..s7 in (s_k = bit k), s0..s7 out. With const=False the result is S(x) ^ 0x63: the four
    # XNOR gates become XOR and the caller adds 0x63 elsewhere (folded into the round keys).
    L = [f"{ind}{{"]
    for i in range(8): L.append(f"{ind}  const U{i} = s{7 - i};")
    for n, (x, op, y) in BP_LINES:
        if op == "+": e = o.xor(x, y)
        elif op == "x": e = o.and_(x, y)
        else: e = o.not_("(" + o.xor(x, y) + ")") if const else o.xor(x, y)
        L.append(f"{ind}  const {n} = {e};")
    for i in range(8): L.append(f"{ind}  s{7 - i} = S{i};")
    L.append(f"{ind}}}")
    return "\n".join(L)

# ShiftRows masks (row-major q = r*4+c, 4 bits per q)
def nib(r, c): return 0xF << (4 * (r * 4 + c))
R0 = sum(nib(0, c) for c in range(4))
SR = []
for r in (1, 2, 3):
    A = sum(nib(r, c) for c in range(0, 4 - r))
    B = sum(nib(r, c) for c in range(4 - r, 4))
    SR.append((r, A, B))

def sr_u64(ind):
    # Rows 2 and 3 first rotate by 8 bits (a byte swap inside their 16-bit groups, as a delta swap),
    # then rows 1 and 3 rotate by 4: row r has then moved by 4*r bits in all.
    L = []
    m23 = (0xFF << 32) | (0xFF << 48)
    A = (0x0FFF << 16) | (0x0FFF << 48)
    B = (0xF000 << 16) | (0xF000 << 48)
    keep = 0xFFFF | (0xFFFF << 32)
    for k in range(8):
        L.append(f"{ind}{{ const t = ((s{k} >> 8) ^ s{k}) & 0x{m23:016x}; s{k} ^= t ^ (t << 8); }}")
        L.append(f"{ind}s{k} = (s{k} & 0x{keep:016x}) | ((s{k} >> 4) & 0x{A:016x}) | ((s{k} << 12) & 0x{B:016x});")
    return "\n".join(L)

def sr_v128(ind):
    L = [f"{ind}const mR0 = i64x2.splat(0x{R0:016x});"]
    for r, A, B in SR:
        L.append(f"{ind}const mA{r} = i64x2.splat(0x{A:016x}), mB{r} = i64x2.splat(0x{B:016x});")
    for k in range(8):
        e = f"v128.and(s{k}, mR0)"
        for r, A, B in SR:
            e = f"v128.or(v128.or({e}, v128.and(i64x2.shr_u(s{k}, {4*r}), mA{r})), v128.and(i64x2.shl(s{k}, {16-4*r}), mB{r}))"
        L.append(f"{ind}s{k} = {e};")
    return "\n".join(L)

XT = {0: [7], 1: [0, 7], 2: [1], 3: [2, 7], 4: [3, 7], 5: [4], 6: [5], 7: [6]}
def mc(o, rot16, rot32, ind):
    L = []
    for k in range(8):
        L.append(f"{ind}const a{k} = {rot16(f's{k}')};")
        L.append(f"{ind}const t{k} = {o.xor(f's{k}', f'a{k}')};")
    for k in range(8):
        terms = [f"t{i}" for i in XT[k]] + [f"a{k}", rot32(f"t{k}")]
        e = terms[0]
        for t in terms[1:]: e = o.xor(e, t)
        L.append(f"{ind}s{k} = {e};")
    return "\n".join(L)

def ark(o, ind, off):
    L = []
    for k in range(8):
        if o.T == "u64":
            L.append(f"{ind}s{k} ^= load<u64>(rk, {off} + {16*k});")
        else:
            L.append(f"{ind}s{k} = v128.xor(s{k}, v128.load(rk, {off} + {16*k}));")
    return "\n".join(L)

def enc_fn(o, name, ld, st, rot16, rot32, srfn):
    ind = "    "
    L = [f"function {name}(rk: usize, nr: i32, st: usize): void {{"]
    for k in range(8): L.append(f"  let s{k} = {ld(k)};")
    for k in range(8):
        if o.T == "u64": L.append(f"  s{k} ^= load<u64>(rk, {16*k});")
        else: L.append(f"  s{k} = v128.xor(s{k}, v128.load(rk, {16*k}));")
    L.append("  // Rounds 1..nr; the last one has no MixColumns (FIPS 197 §5.1). The round index is public.")
    L.append("  for (let round = 1; round <= nr; round++) {")
    L.append(sbox_code(o, ind, False))
    L.append(srfn(ind))
    L.append(f"{ind}if (round < nr) {{")
    L.append(mc(o, rot16, rot32, ind + "  "))
    L.append(f"{ind}}}")
    L.append(f"{ind}rk += 128;")
    L.append(ark(o, ind, 0))
    L.append("  }")
    for k in range(8): L.append(f"  {st(k)};")
    L.append("}")
    return "\n".join(L)

u = U64(); v = V128()
out = []
out.append("// ---- generated by the S-box/round generator (see header): scalar path, 4 blocks per u64 slice")
out.append(enc_fn(u, "encrypt4", lambda k: f"load<u64>(st, {16*k})", lambda k: f"store<u64>(st, s{k}, {16*k})",
                  lambda x: f"rotr<u64>({x}, 16)", lambda x: f"rotr<u64>({x}, 32)", sr_u64))
out.append("")
# standalone scalar S-box over slices in memory (key schedule)
L = ["function sboxSlices(p: usize): void {"]
for k in range(8): L.append(f"  let s{k} = load<u64>(p, {8*k});")
L.append(sbox_code(u, "  "))
for k in range(8): L.append(f"  store<u64>(p, s{k}, {8*k});")
L.append("}")
out.append("\n".join(L))
open("aes_generated.ts", "w").write("\n".join(out) + "\n")
print(len("\n".join(out).split("\n")), "lines")

# ---- SIMD layout
# SIMD layout: 8 blocks; slice k = v128, byte q = 4r + c (row-major) holds state byte (r, c); bit b =
# bit k of that byte in block b. Row-major makes the MixColumns row rotations whole 32-bit lane
# rotations (pshufd); ShiftRows is a swizzle with a mask loaded once before the loop. The round loop
# can carry a GHASH job (gcm.ts ghashPart): part 0 at the top of a round, parts 1-5 each after a
# store of an S-box value to a scratch "fence" (V8 keeps stores in order and computes vector values
# just before they are stored, so GHASH and AES come interleaved).
import json
# (reuses sbox_code, mc, ark and V128 from above)
v = V128()
def shuf(x, idx): return f"i8x16.shuffle({x}, {x}, {', '.join(map(str, idx))})"
SRI = [4 * (q // 4) + ((q % 4 + q // 4) & 3) for q in range(16)]  # row r rotates left by r
R1 = [(q + 4) & 15 for q in range(16)]                              # row r <- row r+1
R2 = [(q + 8) & 15 for q in range(16)]                              # row r <- row r+2
TP = [4 * (q & 3) + (q >> 2) for q in range(16)]                    # column-major <-> row-major
assert SRI == [0, 1, 2, 3, 5, 6, 7, 4, 10, 11, 8, 9, 15, 12, 13, 14]
def sr(ind): return "\n".join(f"{ind}s{k} = i8x16.swizzle(s{k}, srm);" for k in range(8))
def rot1(x): return shuf(x, R1)
def rot2(x): return shuf(x, R2)
FENCES = ["M23", "M45", "M63", "S7"]  # then one after MixColumns
def fence(ind, val, k): return [f"{ind}v128.store(fence, {val}, {16*(k-1)});", f"{ind}if (gl) ghashPart(job, round, {k});"]
ind = "    "
L = ["// ---- wasm SIMD path (generated): 8 blocks; slice k byte 4r+c (state byte r,c) bit b = block b.",
     "function encrypt8(rk: usize, nr: i32, st: usize, job: usize): void {",
     "  const fence = changetype<usize>(FENCE);"]
for k in range(8): L.append(f"  let s{k} = v128.load(st, {16*k});")
for k in range(8): L.append(f"  s{k} = v128.xor(s{k}, v128.load(rk, {16*k}));")
L.append("  const srm = v128.load(changetype<usize>(SR_MASK));")
L.append("  // Rounds 1..nr; the last one has no MixColumns (FIPS 197 §5.1). The round index is public.")
L.append("  for (let round = 1; round <= nr; round++) {")
L.append("    const gl = job != 0 && round <= 8; // GHASH block round-1 rides along (public condition)")
L.append("    if (gl) ghashPart(job, round, 0);")
SB = sbox_code(v, ind, False).split("\n")
out = []
for line in SB:
    out.append(line)
    for k, name in enumerate(FENCES, start=1):
        if line.startswith(f"{ind}  const {name} = "): out += fence(ind + "  ", name, k)
L += out
L.append(sr(ind))
L.append(f"{ind}if (round < nr) {{")
L.append(mc(v, rot1, rot2, ind + "  "))
L.append(f"{ind}}}")
L += fence(ind, "s7", 5)
L.append(f"{ind}rk += 128;")
L.append(ark(v, ind, 0))
L.append("  }")
for k in range(8): L.append(f"  v128.store(st, s{k}, {16*k});")
L.append("}")
L.append("")
# transpose8: byte reorder (TP) then the transpose network on v128 (an involution); XOR on store
NET = []
for n, mask in [(1, "0x5555555555555555"), (2, "0x3333333333333333"), (4, "0x0f0f0f0f0f0f0f0f")]:
    for i in range(8):
        if i & n: continue
        NET.append(f"  t = v128.and(v128.xor(i64x2.shr_u(w{i}, {n}), w{i+n}), i64x2.splat({mask})); w{i+n} = v128.xor(w{i+n}, t); w{i} = v128.xor(w{i}, i64x2.shl(t, {n}));")
L.append("// 8 blocks at src <-> 8 slices at dst (an 8x8 bit transpose in every byte; its own inverse); the")
L.append("// 128 bytes at x are XORed into the result as it is stored.")
L.append("function transpose8(src: usize, dst: usize, x: usize): void {")
for i in range(8): L.append(f"  let w{i} = v128.load(src, {16*i});")
for i in range(8): L.append(f"  w{i} = {shuf(f'w{i}', TP)};")
L.append("  let t: v128;")
L += NET
for i in range(8): L.append(f"  v128.store(dst, v128.xor(w{i}, v128.load(x, {16*i})), {16*i});")
L.append("}")
open("aes_simd8.ts", "w").write("\n".join(L) + "\n")
print("ok")
