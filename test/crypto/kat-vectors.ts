// Published known-answer vectors, transcribed from the documents named at each one (hex, lower
// case, whitespace ignored). Used by test/crypto/*-kat.test.ts; each value is also checked against
// node:crypto there, so a transcription slip shows as a failing test rather than a wrong one.
const h = (s: string) => s.replace(/\s+/g, "");
const ascii = (s: string) => Buffer.from(s, "latin1").toString("hex");

// ---- RFC 4231 §4.2-§4.8: HMAC-SHA-256/384/512 test cases 1-7 (case 5 truncated to 128 bits).
const AA131 = "aa".repeat(131);
export const RFC4231 = [
  { tc: 1, key: "0b".repeat(20), data: ascii("Hi There"),
    sha256: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
    sha384: "afd03944d84895626b0825f4ab46907f15f9dadbe4101ec682aa034c7cebc59cfaea9ea9076ede7f4af152e8b2fa9cb6",
    sha512: "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854" },
  { tc: 2, key: ascii("Jefe"), data: ascii("what do ya want for nothing?"),
    sha256: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    sha384: "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649",
    sha512: "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737" },
  { tc: 3, key: "aa".repeat(20), data: "dd".repeat(50),
    sha256: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
    sha384: "88062608d3e6ad8a0aa2ace014c8a86f0aa635d947ac9febe83ef4e55966144b2a5ab39dc13814b94e3ab6e101a34f27",
    sha512: "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb" },
  { tc: 4, key: "0102030405060708090a0b0c0d0e0f10111213141516171819", data: "cd".repeat(50),
    sha256: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b",
    sha384: "3e8a69b7783c25851933ab6290af6ca77a9981480850009cc5577c6e1f573b4e6801dd23c4a7d679ccf8a386c674cffb",
    sha512: "b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd" },
  { tc: 5, key: "0c".repeat(20), data: ascii("Test With Truncation"),
    sha256: "a3b6167473100ee06e0c796c2955552b",
    sha384: "3abf34c3503b2a23a46efc619baef897",
    sha512: "415fad6271580a531d4179bc891d87a6" },
  { tc: 6, key: AA131, data: ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
    sha256: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
    sha384: "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
    sha512: "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598" },
  { tc: 7, key: AA131,
    data: ascii("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."),
    sha256: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
    sha384: "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e",
    sha512: "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58" },
];

// ---- RFC 5869 Appendix A: HKDF test cases 1-7 (hash, IKM, salt, info, L, PRK, OKM).
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => (from + i).toString(16).padStart(2, "0")).join("");
export const RFC5869 = [
  { tc: 1, hash: "sha256", ikm: "0b".repeat(22), salt: range(0x00, 0x0c), info: range(0xf0, 0xf9), len: 42,
    prk: "077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5",
    okm: "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865" },
  { tc: 2, hash: "sha256", ikm: range(0x00, 0x4f), salt: range(0x60, 0xaf), info: range(0xb0, 0xff), len: 82,
    prk: "06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244",
    okm: h(`b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09
      da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87`) },
  { tc: 3, hash: "sha256", ikm: "0b".repeat(22), salt: "", info: "", len: 42,
    prk: "19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04",
    okm: "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8" },
  { tc: 4, hash: "sha1", ikm: "0b".repeat(11), salt: range(0x00, 0x0c), info: range(0xf0, 0xf9), len: 42,
    prk: "9b6c18c432a7bf8f0e71c8eb88f4b30baa2ba243",
    okm: "085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896" },
  { tc: 5, hash: "sha1", ikm: range(0x00, 0x4f), salt: range(0x60, 0xaf), info: range(0xb0, 0xff), len: 82,
    prk: "8adae09a2a307059478d309b26c4115a224cfaf6",
    okm: h(`0bd770a74d1160f7c9f12cd5912a06ebff6adcae899d92191fe4305673ba2ffe8fa3f1a4e5ad79f3f334b3b202b2173c
      486ea37ce3d397ed034c7f9dfeb15c5e927336d0441f4c4300e2cff0d0900b52d3b4`) },
  { tc: 6, hash: "sha1", ikm: "0b".repeat(22), salt: "", info: "", len: 42,
    prk: "da8c8a73c7fa77288ec6f5e7c297786aa0d32d01",
    okm: "0ac1af7002b3d761d1e55298da9d0506b9ae52057220a306e07b6b87e8df21d0ea00033de03984d34918" },
  // "salt not provided (defaults to HashLen zero octets)"
  { tc: 7, hash: "sha1", ikm: "0c".repeat(22), salt: "00".repeat(20), info: "", len: 42,
    prk: "2adccada18779e7c2077ad2eb19d3f3e731385dd",
    okm: "2c91117204d745f3500d636a62f64f0ab3bae548aa53d423b0d1f27ebba6f5e5673a081d70cce7acfc48" },
];

// ---- TLS 1.2 PRF with P_SHA256: the vector circulated on the IETF TLS list for RFC 5246 (no
// official vector exists); 100 bytes.
export const PRF_SHA256 = {
  secret: "9bbe436ba940f017b17652849a71db35", label: ascii("test label"), seed: "a0ba9f936cda311827a6f796ffd5198c",
  out: h(`e3f229ba727be17b8d122620557cd453c2aab21d07c3d495329b52d4e61edb5a6b301791e90d35c9c9a46b4e14baf9af
    0fa022f7077def17abfd3797c0564bab4fbc91666e9def9b97fce34f796789baa48082d122ee42c5a72e5a5110fff70187
    347b66`),
};

// ---- RFC 8439 (ChaCha20 and Poly1305 for IETF Protocols).
const IETF_TEXT = ascii("Any submission to the IETF intended by the Contributor for publication as all or part of an IETF " +
  "Internet-Draft or RFC and any statement made within the context of an IETF activity is considered an \"IETF " +
  "Contribution\". Such statements include oral statements in IETF sessions, as well as written and electronic " +
  "communications made at any time or place, which are addressed to");
const JABBERWOCKY = ascii("'Twas brillig, and the slithy toves\nDid gyre and gimble in the wabe:\nAll mimsy were the borogoves,\n" +
  "And the mome raths outgrabe.");
const KEY_1 = "00".repeat(31) + "01";
const KEY_A5 = "1c9240a5eb55d38af333888604f6b5f0473917c1402b80099dca5cbc207075c0";
/** §2.3.2 and A.1: ChaCha20 block function (key, nonce, counter) -> 64-byte block. */
export const CHACHA_BLOCK = [
  { key: range(0x00, 0x1f), nonce: "000000090000004a00000000", ctr: 1,
    out: h(`10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4ed2826446079faa0914c2d705d98b02a2
      b5129cd1de164eb9cbd083e8a2503c4e`) },
  { key: "00".repeat(32), nonce: "00".repeat(12), ctr: 0,
    out: "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586" },
  { key: "00".repeat(32), nonce: "00".repeat(12), ctr: 1,
    out: "9f07e7be5551387a98ba977c732d080dcb0f29a048e3656912c6533e32ee7aed29b721769ce64e43d57133b074d839d531ed1f28510afb45ace10a1f4b794d6f" },
  { key: KEY_1, nonce: "00".repeat(12), ctr: 1,
    out: "3aeb5224ecf849929b9d828db1ced4dd832025e8018b8160b82284f3c949aa5a8eca00bbb4a73bdad192b5c42f73f2fd4e273644c8b36125a64addeb006c13a0" },
  { key: "00ff" + "00".repeat(30), nonce: "00".repeat(12), ctr: 2,
    out: "72d54dfbf12ec44b362692df94137f328fea8da73990265ec1bbbea1ae9af0ca13b25aa26cb4a648cb9b9d1be65b2c0924a66c54d545ec1b7374f4872e99f096" },
  { key: "00".repeat(32), nonce: "00".repeat(11) + "02", ctr: 0,
    out: "c2c64d378cd536374ae204b9ef933fcd1a8b2288b3dfa49672ab765b54ee27c78a970e0e955c14f3a88e741b97c286f75f8fc299e8148362fa198a39531bed6d" },
];
/** §2.4.2 and A.2: ChaCha20 encryption. */
export const CHACHA_ENCRYPT = [
  { key: range(0x00, 0x1f), nonce: "000000000000004a00000000", ctr: 1,
    pt: ascii("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."),
    ct: h(`6e2e359a2568f98041ba0728dd0d6981e97e7aec1d4360c20a27afccfd9fae0bf91b65c5524733ab8f593dabcd62b357
      1639d624e65152ab8f530c359f0861d807ca0dbf500d6a6156a38e088a22b65e52bc514d16ccf806818ce91ab7793736
      5af90bbf74a35be6b40b8eedf2785e42874d`) },
  { key: "00".repeat(32), nonce: "00".repeat(12), ctr: 0, pt: "00".repeat(64),
    ct: "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7da41597c5157488d7724e03fb8d84a376a43b8f41518a11cc387b669b2ee6586" },
  { key: KEY_1, nonce: "00".repeat(11) + "02", ctr: 1, pt: IETF_TEXT,
    ct: h(`a3fbf07df3fa2fde4f376ca23e82737041605d9f4f4f57bd8cff2c1d4b7955ec2a97948bd3722915c8f3d337f7d37005
      0e9e96d647b7c39f56e031ca5eb6250d4042e02785ececfa4b4bb5e8ead0440e20b6e8db09d881a7c6132f420e527950
      42bdfa7773d8a9051447b3291ce1411c680465552aa6c405b7764d5e87bea85ad00f8449ed8f72d0d662ab052691ca66
      424bc86d2df80ea41f43abf937d3259dc4b2d0dfb48a6c9139ddd7f76966e928e635553ba76c5c879d7b35d49eb2e62b
      0871cdac638939e25e8a1e0ef9d5280fa8ca328b351c3c765989cbcf3daa8b6ccc3aaf9f3979c92b3720fc88dc95ed84
      a1be059c6499b9fda236e7e818b04b0bc39c1e876b193bfe5569753f88128cc08aaa9b63d1a16f80ef2554d7189c411f
      5869ca52c5b83fa36ff216b9c1d30062bebcfd2dc5bce0911934fda79a86f6e698ced759c3ff9b6477338f3da4f9cd85
      14ea9982ccafb341b2384dd902f3d1ab7ac61dd29c6f21ba5b862f3730e37cfdc4fd806c22f221`) },
  { key: KEY_A5, nonce: "00".repeat(11) + "02", ctr: 42, pt: JABBERWOCKY,
    ct: h(`62e6347f95ed87a45ffae7426f27a1df5fb69110044c0d73118effa95b01e5cf166d3df2d721caf9b21e5fb14c616871
      fd84c54f9d65b283196c7fe4f60553ebf39c6402c42234e32a356b3e764312a61a5532055716ead6962568f87d3f3f77
      04c6a8d1bcd1bf4d50d6154b6da731b187b58dfd728afa36757a797ac188d1`) },
];
/** §2.5.2 and A.3: Poly1305 (one-time key, message, tag); vectors 5-11 exercise the reduction. */
export const POLY1305 = [
  { key: "85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b", msg: ascii("Cryptographic Forum Research Group"),
    tag: "a8061dc1305136c6c22b8baf0c0127a9" },
  { key: "00".repeat(32), msg: "00".repeat(64), tag: "00".repeat(16) },
  { key: "00".repeat(16) + "36e5f6b5c5e06070f0efca96227a863e", msg: IETF_TEXT, tag: "36e5f6b5c5e06070f0efca96227a863e" },
  { key: "36e5f6b5c5e06070f0efca96227a863e" + "00".repeat(16), msg: IETF_TEXT, tag: "f3477e7cd95417af89a6b8794c310cf0" },
  { key: KEY_A5, msg: JABBERWOCKY, tag: "4541669a7eaaee61e708dc7cbcc5eb62" },
  { key: "02" + "00".repeat(31), msg: "ff".repeat(16), tag: "03" + "00".repeat(15) },
  { key: "02" + "00".repeat(15) + "ff".repeat(16), msg: "02" + "00".repeat(15), tag: "03" + "00".repeat(15) },
  { key: "01" + "00".repeat(31), msg: "ff".repeat(16) + "f0" + "ff".repeat(15) + "11" + "00".repeat(15), tag: "05" + "00".repeat(15) },
  { key: "01" + "00".repeat(31), msg: "ff".repeat(16) + "fb" + "fe".repeat(15) + "01".repeat(16), tag: "00".repeat(16) },
  { key: "02" + "00".repeat(31), msg: "fd" + "ff".repeat(15), tag: "fa" + "ff".repeat(15) },
  { key: "0100000000000000040000000000000000000000000000000000000000000000",
    msg: "e33594d7505e43b900000000000000003394d7505e4379cd01000000000000000000000000000000000000000000000001000000000000000000000000000000",
    tag: "14000000000000005500000000000000" },
  { key: "0100000000000000040000000000000000000000000000000000000000000000",
    msg: "e33594d7505e43b900000000000000003394d7505e4379cd010000000000000000000000000000000000000000000000",
    tag: "13000000000000000000000000000000" },
];
/** §2.6.2 and A.4: the Poly1305 key is ChaCha20 block 0 (key, nonce -> one-time key). */
export const POLY1305_KEYGEN = [
  { key: range(0x80, 0x9f), nonce: "000000000001020304050607", otk: "8ad5a08b905f81cc815040274ab29471a833b637e3fd0da508dbb8e2fdd1a646" },
  { key: "00".repeat(32), nonce: "00".repeat(12), otk: "76b8e0ada0f13d90405d6ae55386bd28bdd219b8a08ded1aa836efcc8b770dc7" },
  { key: KEY_1, nonce: "00".repeat(11) + "02", otk: "ecfa254f845f647473d3cb140da9e87606cb33066c447b87bc2666dde3fbb739" },
  { key: KEY_A5, nonce: "00".repeat(11) + "02", otk: "965e3bc6f9ec7ed9560808f4d229f94b137ff275ca9b3fcbdd59deaad23310ae" },
];
/** §2.8.2 and A.5: AEAD_CHACHA20_POLY1305. */
export const CHACHA_AEAD = [
  { key: range(0x80, 0x9f), nonce: "070000004041424344454647", aad: "50515253c0c1c2c3c4c5c6c7",
    pt: ascii("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it."),
    ct: h(`d31a8d34648e60db7b86afbc53ef7ec2a4aded51296e08fea9e2b5a736ee62d63dbea45e8ca9671282fafb69da92728b
      1a71de0a9e060b2905d6a5b67ecd3b3692ddbd7f2d778b8c9803aee328091b58fab324e4fad675945585808b4831d7bc
      3ff4def08e4b7a9de576d26586cec64b6116`),
    tag: "1ae10b594f09e26a7e902ecbd0600691" },
  { key: KEY_A5, nonce: "000000000102030405060708", aad: "f33388860000000000004e91",
    pt: h(`496e7465726e65742d4472616674732061726520647261667420646f63756d656e74732076616c696420666f722061
      206d6178696d756d206f6620736978206d6f6e74687320616e64206d617920626520757064617465642c207265706c61
      6365642c206f72206f62736f6c65746564206279206f7468657220646f63756d656e747320617420616e792074696d65
      2e20497420697320696e617070726f70726961746520746f2075736520496e7465726e65742d447261667473206173
      207265666572656e6365206d6174657269616c206f7220746f2063697465207468656d206f74686572207468616e2061
      73202fe2809c776f726b20696e2070726f67726573732e2fe2809d`),
    ct: h(`64a0861575861af460f062c79be643bd5e805cfd345cf389f108670ac76c8cb24c6cfc18755d43eea09ee94e382d26b0
      bdb7b73c321b0100d4f03b7f355894cf332f830e710b97ce98c8a84abd0b948114ad176e008d33bd60f982b1ff37c855
      9797a06ef4f0ef61c186324e2b3506383606907b6a7c02b0f9f6157b53c867e4b9166c767b804d46a59b5216cde7a4e9
      9040c5a40433225ee282a1b0a06c523eaf4534d7f83fa1155b0047718cbc546a0d072b04b3564eea1b422273f548271a
      0bb2316053fa76991955ebd63159434ecebb4e466dae5a1073a6727627097a1049e617d91d361094fa68f0ff77987130
      305beaba2eda04df997b714d6c6f2c29a6ad5cb4022b02709b`),
    tag: "eead9d67890cbb22392336fea1851f38" },
];

// ---- "The Galois/Counter Mode of Operation (GCM)", McGrew & Viega, Appendix B: test cases 1-18
// (1-6 AES-128, 7-12 AES-192, 13-18 AES-256; 5/11/17 with an 8-byte IV, 6/12/18 with a 60-byte IV).
const GK = "feffe9928665731c6d6a8f9467308308";
const GP = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
const GP60 = GP.slice(0, 120);
const GA = "feedfacedeadbeeffeedfacedeadbeefabaddad2";
const IV12 = "cafebabefacedbaddecaf888", IV8 = "cafebabefacedbad";
const IV60 = "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b";
export const GCM_SPEC = [
  { tc: 1, key: "00".repeat(16), iv: "00".repeat(12), aad: "", pt: "", ct: "", tag: "58e2fccefa7e3061367f1d57a4e7455a" },
  { tc: 2, key: "00".repeat(16), iv: "00".repeat(12), aad: "", pt: "00".repeat(16), ct: "0388dace60b6a392f328c2b971b2fe78", tag: "ab6e47d42cec13bdf53a67b21257bddf" },
  { tc: 3, key: GK, iv: IV12, aad: "", pt: GP,
    ct: "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985",
    tag: "4d5c2af327cd64a62cf35abd2ba6fab4" },
  { tc: 4, key: GK, iv: IV12, aad: GA, pt: GP60,
    ct: "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
    tag: "5bc94fbc3221a5db94fae95ae7121a47" },
  { tc: 5, key: GK, iv: IV8, aad: GA, pt: GP60,
    ct: "61353b4c2806934a777ff51fa22a4755699b2a714fcdc6f83766e5f97b6c742373806900e49f24b22b097544d4896b424989b5e1ebac0f07c23f4598",
    tag: "3612d2e79e3b0785561be14aaca2fccb" },
  { tc: 6, key: GK, iv: IV60, aad: GA, pt: GP60,
    ct: "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5",
    tag: "619cc5aefffe0bfa462af43c1699d050" },
  { tc: 7, key: "00".repeat(24), iv: "00".repeat(12), aad: "", pt: "", ct: "", tag: "cd33b28ac773f74ba00ed1f312572435" },
  { tc: 8, key: "00".repeat(24), iv: "00".repeat(12), aad: "", pt: "00".repeat(16), ct: "98e7247c07f0fe411c267e4384b0f600", tag: "2ff58d80033927ab8ef4d4587514f0fb" },
  { tc: 9, key: GK + GK.slice(0, 16), iv: IV12, aad: "", pt: GP,
    ct: "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710acade256",
    tag: "9924a7c8587336bfb118024db8674a14" },
  { tc: 10, key: GK + GK.slice(0, 16), iv: IV12, aad: GA, pt: GP60,
    ct: "3980ca0b3c00e841eb06fac4872a2757859e1ceaa6efd984628593b40ca1e19c7d773d00c144c525ac619d18c84a3f4718e2448b2fe324d9ccda2710",
    tag: "2519498e80f1478f37ba55bd6d27618c" },
  { tc: 11, key: GK + GK.slice(0, 16), iv: IV8, aad: GA, pt: GP60,
    ct: "0f10f599ae14a154ed24b36e25324db8c566632ef2bbb34f8347280fc4507057fddc29df9a471f75c66541d4d4dad1c9e93a19a58e8b473fa0f062f7",
    tag: "65dcc57fcf623a24094fcca40d3533f8" },
  { tc: 12, key: GK + GK.slice(0, 16), iv: IV60, aad: GA, pt: GP60,
    ct: "d27e88681ce3243c4830165a8fdcf9ff1de9a1d8e6b447ef6ef7b79828666e4581e79012af34ddd9e2f037589b292db3e67c036745fa22e7e9b7373b",
    tag: "dcf566ff291c25bbb8568fc3d376a6d9" },
  { tc: 13, key: "00".repeat(32), iv: "00".repeat(12), aad: "", pt: "", ct: "", tag: "530f8afbc74536b9a963b4f1c4cb738b" },
  { tc: 14, key: "00".repeat(32), iv: "00".repeat(12), aad: "", pt: "00".repeat(16), ct: "cea7403d4d606b6e074ec5d3baf39d18", tag: "d0d1c8a799996bf0265b98b5d48ab919" },
  { tc: 15, key: GK + GK, iv: IV12, aad: "", pt: GP,
    ct: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
    tag: "b094dac5d93471bdec1a502270e3cc6c" },
  { tc: 16, key: GK + GK, iv: IV12, aad: GA, pt: GP60,
    ct: "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
    tag: "76fc6ece0f4e1768cddf8853bb2d551b" },
  { tc: 17, key: GK + GK, iv: IV8, aad: GA, pt: GP60,
    ct: "c3762df1ca787d32ae47c13bf19844cbaf1ae14d0b976afac52ff7d79bba9de0feb582d33934a4f0954cc2363bc73f7862ac430e64abe499f47c9b1f",
    tag: "3a337dbf46a792c45e454913fe2ea8f2" },
  { tc: 18, key: GK + GK, iv: IV60, aad: GA, pt: GP60,
    ct: "5a8def2f0c9e53f1f75d7853659e2a20eeb2b22aafde6419a058ab4f6f746bf40fc0c3b780f244452da3ebf1c5d82cdea2418997200ef82e44ae7e3f",
    tag: "a44a8266ee1c8eb0c8b5d4cf5ae9f19a" },
];

// ---- P-256 ECDH: RFC 5903 §8.1 (256-bit random ECP group) and three NIST CAVP ECC CDH
// primitive test cases (KAS ECC CDH, curve P-256, COUNT 0-2): peer point, our d, our point, Z.
export const RFC5903 = {
  i: "c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433",
  gi: "04dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c37725811805271a0461cdb8252d61f1c456fa3e59ab1f45b33accf5f58389e0577b8990bb3",
  r: "c6ef9c5d78ae012a011164acb397ce2088685d8f06bf9be0b283ab46476bee53",
  gr: "04d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf6356fbf3ca366cc23e8157854c13c58d6aac23f046ada30f8353e74f33039872ab",
  girx: "d6840f6b42f6edafd13116e0e12565202fef8e9ece7dce03812464d04b9442de",
};
export const CAVP_CDH_P256 = [
  { peer: "04700c48f77f56584c5cc632ca65640db91b6bacce3a4df6b42ce7cc838833d287db71e509e3fd9b060ddb20ba5c51dcc5948d46fbf640dfe0441782cab85fa4ac",
    d: "7d7dc5f71eb29ddaf80d6214632eeae03d9058af1fb6d22ed80badb62bc1a534",
    pub: "04ead218590119e8876b29146ff89ca61770c4edbbf97d38ce385ed281d8a6b23028af61281fd35e2fa7002523acc85a429cb06ee6648325389f59edfce1405141",
    z: "46fc62106420ff012e54a434fbdd2d25ccc5852060561e68040dd7778997bd7b" },
  { peer: "04809f04289c64348c01515eb03d5ce7ac1a8cb9498f5caa50197e58d43a86a7aeb29d84e811197f25eba8f5194092cb6ff440e26d4421011372461f579271cda3",
    d: "38f65d6dce47676044d58ce5139582d568f64bb16098d179dbab07741dd5caf5",
    pub: "04119f2f047902782ab0c9e27a54aff5eb9b964829ca99c06b02ddba95b0a3f6d08f52b726664cac366fc98ac7a012b2682cbd962e5acb544671d41b9445704d1d",
    z: "057d636096cb80b67a8c038c890e887d1adfa4195e9b3ce241c8a778c59cda67" },
  { peer: "04a2339c12d4a03c33546de533268b4ad667debf458b464d77443636440ee7fec3ef48a3ab26e20220bcda2c1851076839dae88eae962869a497bf73cb66faf536",
    d: "1accfaf1b97712b85a6f54b148985a1bdc4c9bec0bd258cad4b3d603f49f32c8",
    pub: "04d9f2b79c172845bfdb560bbb01447ca5ecc0470a09513b6126902c6b4f8d1051f815ef5ec32128d3487834764678702e64e164ff7315185e23aff5facd96d7bc",
    z: "2d457b78b4614132477618a5b077965ec90730a8c81a1c75d6d4ec68005d67ec" },
];

// ---- RFC 6979 §A.2.5: deterministic ECDSA over P-256, every hash, messages "sample" and "test".
export const RFC6979_P256 = {
  x: "c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721",
  pub: "0460fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb67903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299",
  sigs: [
    { hash: "sha1", msg: "sample", r: "61340c88c3aaebeb4f6d667f672ca9759a6ccaa9fa8811313039ee4a35471d32", s: "6d7f147dac089441bb2e2fe8f7a3fa264b9c475098fdcf6e00d7c996e1b8b7eb" },
    { hash: "sha224", msg: "sample", r: "53b2fff5d1752b2c689df257c04c40a587fababb3f6fc2702f1343af7ca9aa3f", s: "b9afb64fdc03dc1a131c7d2386d11e349f070aa432a4acc918bea988bf75c74c" },
    { hash: "sha256", msg: "sample", r: "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716", s: "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8" },
    { hash: "sha384", msg: "sample", r: "0eafea039b20e9b42309fb1d89e213057cbf973dc0cfc8f129edddc800ef7719", s: "4861f0491e6998b9455193e34e7b0d284ddd7149a74b95b9261f13abde940954" },
    { hash: "sha512", msg: "sample", r: "8496a60b5e9b47c825488827e0495b0e3fa109ec4568fd3f8d1097678eb97f00", s: "2362ab1adbe2b8adf9cb9edab740ea6049c028114f2460f96554f61fae3302fe" },
    { hash: "sha1", msg: "test", r: "0cbcc86fd6abd1d99e703e1ec50069ee5c0b4ba4b9ac60e409e8ec5910d81a89", s: "01b9d7b73dfaa60d5651ec4591a0136f87653e0fd780c3b1bc872ffdeae479b1" },
    { hash: "sha224", msg: "test", r: "c37edb6f0ae79d47c3c27e962fa269bb4f441770357e114ee511f662ec34a692", s: "c820053a05791e521fcaad6042d40aea1d6b1a540138558f47d0719800e18f2d" },
    { hash: "sha256", msg: "test", r: "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367", s: "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083" },
    { hash: "sha384", msg: "test", r: "83910e8b48bb0c74244ebdf7f07a1c5413d61472bd941ef3920e623fbccebeb6", s: "8ddbec54cf8cd5874883841d712142a56a8d0f218f5003cb0296b6b509619f2c" },
    { hash: "sha512", msg: "test", r: "461d93f31b6540894788fd206c07cfa0cc35f46fa3c91816fff1040ad1581a04", s: "39af9f15de0db8d97e72719c74820d304ce5226e32dedae67519e840d1194e55" },
  ],
};

// ---- RFC 8032 §7.1 "TEST SHA(abc)": Ed25519 over the 64-byte SHA-512 digest of "abc".
export const RFC8032_SHA_ABC = {
  seed: "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
  pub: "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
  msg: h(`ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd
    454d4423643ce80e2a9ac94fa54ca49f`),
  sig: h(`dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e030
    3dca179c138ac17ad9bef1177331a704`),
};

// ---- RSASSA-PKCS1-v1_5: NIST CAVP SigGen15 (FIPS 186-3), 2048-bit modulus, SHA-256, first
// message. The published key gives n, e and d only; the test recovers p and q from them.
export const CAVP_SIGGEN15_2048 = {
  n: h(`cea80475324c1dc8347827818da58bac069d3419c614a6ea1ac6a3b510dcd72cc516954905e9fef908d45e13006adf27
    d467a7d83c111d1a5df15ef293771aefb920032a5bb989f8e4f5e1b05093d3f130f984c07a772a3683f4dc6fb28a9681
    5b32123ccdd13954f19d5b8b24a103e771a34c328755c65ed64e1924ffd04d30b2142cc262f6e0048fef6dbc652f2147
    9ea1c4b1d66d28f4d46ef7185e390cbfa2e02380582f3188bb94ebbf05d31487a09aff01fcbb4cd4bfd1f0a833b38c11
    813c84360bb53c7d4481031c40bad8713bb6b835cb08098ed15ba31ee4ba728a8c8e10f7294e1b4163b7aee57277bfd8
    81a6f9d43e02c6925aa3a043fb7fb78d`),
  e: "260445",
  d: h(`0997634c477c1a039d44c810b2aaa3c7862b0b88d3708272e1e15f66fc9389709f8a11f3ea6a5af7effa2d01c189c50f
    0d5bcbe3fa272e56cfc4a4e1d388a9dcd65df8628902556c8b6bb6a641709b5a35dd2622c73d4640bfa1359d0e76e1f2
    19f8e33eb9bd0b59ec198eb2fccaae0346bd8b401e12e3c67cb629569c185a2e0f35a2f741644c1cca5ebb139d77a89a
    2953fc5e30048c0e619f07c8d21d1e56b8af07193d0fdf3f49cd49f2ef3138b5138862f1470bd2d16e34a2b9e7777a6c
    8c8d4cb94b4e8b5d616cd5393753e7b0f31cc7da559ba8e98d888914e334773baf498ad88d9631eb5fe32e53a4145bf0
    ba548bf2b0a50c63f67b14e398a34b0d`),
  msg: h(`5af283b1b76ab2a695d794c23b35ca7371fc779e92ebf589e304c7f923d8cf976304c19818fcd89d6f07c8d8e08bf371
    068bdf28ae6ee83b2e02328af8c0e2f96e528e16f852f1fc5455e4772e288a68f159ca6bdcf902b858a1f94789b31638
    23e2d0717ff56689eec7d0e54d93f520d96e1eb04515abc70ae90578ff38d31b`),
  sig: h(`6b8be97d9e518a2ede746ff4a7d91a84a1fc665b52f154a927650db6e7348c69f8c8881f7bcf9b1a6d3366eed30c3aed
    4e93c203c43f5528a45de791895747ade9c5fa5eee81427edee02082147aa311712a6ad5fb1732e93b3d6cd23ffd46a0
    b3caf62a8b69957cc68ae39f9993c1a779599cdda949bdaababb77f248fcfeaa44059be5459fb9b899278e929528ee13
    0facd53372ecbc42f3e8de2998425860406440f248d817432de687112e504d734028e6c5620fa282ca07647006cf0a2f
    f83e19a916554cc61810c2e855305db4e5cf893a6a96767365794556ff033359084d7e38a8456e68e21155b76151314a
    29875feee09557161cbc654541e89e42`),
};

// ---- RFC 8032 §7.1 "TEST 1024": Ed25519 over a 1023-byte message (many SHA-512 blocks).
export const RFC8032_1024 = {
  seed: "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
  pub: "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
  msg: h(`08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98fa6e264bf09efe12ee50f8f54e9f77b1
    e355f6c50544e23fb1433ddf73be84d879de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d
    658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc1a858efcb8550ee3a5e1998bd177e93a
    7363c344fe6b199ee5d02e82d522c4feba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e
    06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbefefd75499da96bd68a8a97b928a8bbc10
    3b6621fcde2beca1231d206be6cd9ec7aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1
    85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2d17ba70eb6248e594e1a2297acbbb39d
    502f1a8c6eb6f1ce22b3de1a1f40cc24554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270
    88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc2732e69485bbc9c90bfbd62481d9089b
    eccf80cfe2df16a2cf65bd92dd597b0707e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba
    b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51addd3b75a2b1ae0784504df543af8969b
    e3ea7082ff7fc9888c144da2af58429ec96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7
    51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c42f58c30c04aafdb038dda0847dd988d
    cda6f3bfd15c4b4c4525004aa06eeff8ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df
    f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08d78ff4ef5d63653a65040cf9bfd4aca7
    984a74d37145986780fc0b16ac451649de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4
    88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a32ef5b52a1ecc820e308aa342721aac09
    43bf6686b64b2579376504ccc493d97e6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f
    b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b50d334ba77c225bc307ba537152f3f161
    0e4eafe595f6d9d90d11faa933a15ef1369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d
    b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c0618983f8741c5ef68d3a101e8a3b8ca
    c60c905c15fc910840b94c00a0b9d0`),
  sig: h(`0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b
    5e8fcd4f681e30a6ac00a9704a188a03`),
};

// ---- FIPS 180-4 example values not in sym-hash.test.ts: empty messages and one million 'a'.
export const SHA_EXTRA = {
  empty: {
    sha1: "da39a3ee5e6b4b0d3255bfef95601890afd80709",
    sha384: "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b",
    sha512: "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
  },
  millionA: {
    sha384: "9d0e1809716474cb086e834e310a4a1ced149e9c00f248527972cec5704c2a5b07b8b3dc38ecc4ebae97ddd87f3d8985",
    sha512: "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b",
  },
};
