// Known-answer vector for RSASSA-PSS: "Example 10: A 2048-bit RSA key pair", "PSS Example 10.2",
// from the PKCS #1 v2.1 test vectors published by RSA Laboratories with the standard
// (pkcs-1v2-1-vec, pss-vect.txt). Hash and MGF1: SHA-1, salt 20 bytes. The signature is fixed
// because the salt is given, so it checks signing byte for byte as well as verification.
const h = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ""), "hex"));

export const PSS_EXAMPLE_10 = {
  n: h(`a5 dd 86 7a c4 cb 02 f9 0b 94 57 d4 8c 14 a7 70 ef 99 1c 56 c3 9c 0e c6 5f d1 1a fa 89 37 ce a5
        7b 9b e7 ac 73 b4 5c 00 17 61 5b 82 d6 22 e3 18 75 3b 60 27 c0 fd 15 7b e1 2f 80 90 fe e2 a7 ad
        cd 0e ef 75 9f 88 ba 49 97 c7 a4 2d 58 c9 aa 12 cb 99 ae 00 1f e5 21 c1 3b b5 43 14 45 a8 d5 ae
        4f 5e 4c 7e 94 8a c2 27 d3 60 40 71 f2 0e 57 7e 90 5f be b1 5d fa f0 6d 1d e5 ae 62 53 d6 3a 6a
        21 20 b3 1a 5d a5 da bc 95 50 60 0e 20 f2 7d 37 39 e2 62 79 25 fe a3 cc 50 9f 21 df f0 4e 6e ea
        45 49 c5 40 d6 80 9f f9 30 7e ed e9 1f ff 58 73 3d 83 85 a2 37 d6 d3 70 5a 33 e3 91 90 09 92 07
        0d f7 ad f1 35 7c f7 e3 70 0c e3 66 7d e8 3f 17 b8 df 17 78 db 38 1d ce 09 cb 4a d0 58 a5 11 00
        1a 73 81 98 ee 27 cf 55 a1 3b 75 45 39 90 65 82 ec 8b 17 4b d5 8d 5d 1f 3d 76 7c 61 37 21 ae 05`),
  e: h("01 00 01"),
  d: h(`2d 2f f5 67 b3 fe 74 e0 61 91 b7 fd ed 6d e1 12 29 0c 67 06 92 43 0d 59 69 18 40 47 da 23 4c 96
        93 de ed 16 73 ed 42 95 39 c9 69 d3 72 c0 4d 6b 47 e0 f5 b8 ce e0 84 3e 5c 22 83 5d bd 3b 05 a0
        99 79 84 ae 60 58 b1 1b c4 90 7c bf 67 ed 84 fa 9a e2 52 df b0 d0 cd 49 e6 18 e3 5d fd fe 59 bc
        a3 dd d6 6c 33 ce bb c7 7a d4 41 aa 69 5e 13 e3 24 b5 18 f0 1c 60 f5 a8 5c 99 4a d1 79 f2 a6 b5
        fb e9 34 02 b1 17 67 be 01 bf 07 34 44 d6 ba 1d d2 bc a5 bd 07 4d 4a 5f ae 35 31 ad 13 03 d8 4b
        30 d8 97 31 8c bb ba 04 e0 3c 2e 66 de 6d 91 f8 2f 96 ea 1d 4b b5 4a 5a ae 10 2d 59 46 57 f5 c9
        78 95 53 51 2b 29 6d ea 29 d8 02 31 96 35 7e 3e 3a 6e 95 8f 39 e3 c2 34 40 38 ea 60 4b 31 ed c6
        f0 f7 ff 6e 71 81 a5 7c 92 82 6a 26 8f 86 76 8e 96 f8 78 56 2f c7 1d 85 d6 9e 44 86 12 f7 04 8f`),
  p: h(`cf d5 02 83 fe ee b9 7f 6f 08 d7 3c bc 7b 38 36 f8 2b bc d4 99 47 9f 5e 6f 76 fd fc b8 b3 8c 4f
        71 dc 9e 88 bd 6a 6f 76 37 1a fd 65 d2 af 18 62 b3 2a fb 34 a9 5f 71 b8 b1 32 04 3f fe be 3a 95
        2b af 75 92 44 81 48 c0 3f 9c 69 b1 d6 8e 4c e5 cf 32 c8 6b af 46 fe d3 01 ca 1a b4 03 06 9b 32
        f4 56 b9 1f 71 89 8a b0 81 cd 8c 42 52 ef 52 71 91 5c 97 94 b8 f2 95 85 1d a7 51 0f 99 cb 73 eb`),
  q: h(`cc 4e 90 d2 a1 b3 a0 65 d3 b2 d1 f5 a8 fc e3 1b 54 44 75 66 4e ab 56 1d 29 71 b9 9f b7 be f8 44
        e8 ec 1f 36 0b 8c 2a c8 35 96 92 97 1e a6 a3 8f 72 3f cc 21 1f 5d bc b1 77 a0 fd ac 51 64 a1 d4
        ff 7f bb 4e 82 99 86 35 3c b9 83 65 9a 14 8c dd 42 0c 7d 31 ba 38 22 ea 90 a3 2b e4 6c 03 0e 8c
        17 e1 fa 0a d3 78 59 e0 6b 0a a6 fa 3b 21 6d 9c be 6c 0e 22 33 97 69 c0 a6 15 91 3e 5d a7 19 cf`),
  dp: h(`1c 2d 1f c3 2f 6b c4 00 4f d8 5d fd e0 fb bf 9a 4c 38 f9 c7 c4 e4 1d ea 1a a8 82 34 a2 01 cd 92
        f3 b7 da 52 65 83 a9 8a d8 5b b3 60 fb 98 3b 71 1e 23 44 9d 56 1d 17 78 d7 a5 15 48 6b cb f4 7b
        46 c9 e9 e1 a3 a1 f7 70 00 ef be b0 9a 8a fe 47 e5 b8 57 cd a9 9c b1 6d 7f ff 9b 71 2e 3b d6 0c
        a9 6d 9c 79 73 d6 16 d4 69 34 a9 c0 50 28 1c 00 43 99 ce ff 1d b7 dd a7 87 66 a8 a9 b9 cb 08 73`),
  dq: h(`cb 3b 3c 04 ca a5 8c 60 be 7d 9b 2d eb b3 e3 96 43 f4 f5 73 97 be 08 23 6a 1e 9e af aa 70 65 36
        e7 1c 3a cf e0 1c c6 51 f2 3c 9e 05 85 8f ee 13 bb 6a 8a fc 47 df 4e dc 9a 4b a3 0b ce cb 73 d0
        15 78 52 32 7e e7 89 01 5c 2e 8d ee 7b 9f 05 a0 f3 1a c9 4e b6 17 31 64 74 0c 5c 95 14 7c d5 f3
        b5 ae 2c b4 a8 37 87 f0 1d 8a b3 1f 27 c2 d0 ee a2 dd 8a 11 ab 90 6a ba 20 7c 43 c6 ee 12 53 31`),
  qinv: h(`12 f6 b2 cf 13 74 a7 36 fa d0 56 16 05 0f 96 ab 4b 61 d1 17 7c 7f 9d 52 5a 29 f3 d1 80 e7 76 67
        e9 9d 99 ab f0 52 5d 07 58 66 0f 37 52 65 5b 0f 25 b8 df 84 31 d9 a8 ff 77 c1 6c 12 a0 a5 12 2a
        9f 0b f7 cf d5 a2 66 a3 5c 15 9f 99 12 08 b9 03 16 ff 44 4f 3e 0b 6b d0 e9 3b 8a 7a 24 48 e9 57
        e3 dd a6 cf cf 22 66 b1 06 01 3a c4 68 08 d3 b3 88 7b 3b 00 34 4b aa c9 53 0b 4c e7 08 fc 32 b6`),
  message: h(`dd 67 0a 01 46 58 68 ad c9 3f 26 13 19 57 a5 0c 52 fb 77 7c db aa 30 89 2c 9e 12 36 11 64 ec 13
        97 9d 43 04 81 18 e4 44 5d b8 7b ee 58 dd 98 7b 34 25 d0 20 71 d8 db ae 80 70 8b 03 9d bb 64 db
        d1 de 56 57 d9 fe d0 c1 18 a5 41 43 74 2e 0f f3 c8 7f 74 e4 58 57 64 7a f3 f7 9e b0 a1 4c 9d 75
        ea 9a 1a 04 b7 cf 47 8a 89 7a 70 8f d9 88 f4 8e 80 1e db 0b 70 39 df 8c 23 bb 3c 56 f4 e8 21 ac`),
  salt: h("8b 2b dd 4b 40 fa f5 45 c7 78 dd f9 bc 1a 49 cb 57 f9 b7 1b"),
  signature: h(`14 ae 35 d9 dd 06 ba 92 f7 f3 b8 97 97 8a ed 7c d4 bf 5f f0 b5 85 a4 0b d4 6c e1 b4 2c d2 70 30
        53 bb 90 44 d6 4e 81 3d 8f 96 db 2d d7 00 7d 10 11 8f 6f 8f 84 96 09 7a d7 5e 1f f6 92 34 1b 28
        92 ad 55 a6 33 a1 c5 5e 7f 0a 0a d5 9a 0e 20 3a 5b 82 78 ae c5 4d d8 62 2e 28 31 d8 71 74 f8 ca
        ff 43 ee 6c 46 44 53 45 d8 4a 59 65 9b fb 92 ec d4 c8 18 66 86 95 f3 47 06 f6 68 28 a8 99 59 63
        7f 2b f3 e3 25 1c 24 bd ba 4d 4b 76 49 da 00 22 21 8b 11 9c 84 e7 9a 65 27 ec 5b 8a 5f 86 1c 15
        99 52 e2 3e c0 5e 1e 71 73 46 fa ef e8 b1 68 68 25 bd 2b 26 2f b2 53 10 66 c0 de 09 ac de 2e 42
        31 69 07 28 b5 d8 5e 11 5a 2f 6b 92 b7 9c 25 ab c9 bd 93 99 ff 8b cf 82 5a 52 ea 1f 56 ea 76 dd
        26 f4 3b aa fa 18 bf a9 2a 50 4c bd 35 69 9e 26 d1 dc c5 a2 88 73 85 f3 c6 32 32 f0 6f 32 44 c3`),
};
