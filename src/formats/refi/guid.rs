//! The GUIDs of a REFI-QDA export: name-based UUIDs (RFC 9562 §5.5, version 5, SHA-1) for
//! the GCM's tags, so that every export gives a tag the same GUID, and the SHA-1 they need.

/// The namespace of the GCM tags' UUIDs (RFC 9562 §5.5 and §6.5: a namespace is any UUID
/// that the names are hashed with). A random version-4 UUID drawn once for this app; it must
/// never change, or every GCM code would get new GUIDs and re-imports would no longer
/// recognise them. `uuid5(GCM_TAG_NAMESPACE, "objective-17")` is tag `objective-17`'s GUID.
pub const GCM_TAG_NAMESPACE: &str = "ef462847-ed2e-498e-8c10-9e932ca043f9";

/// The GUID of the non-codable parent code "GCM objectives": `uuid5` of `group-objectives`.
pub fn objectives_group() -> String {
    uuid5(GCM_TAG_NAMESPACE, "group-objectives")
}

/// The GUID of the non-codable parent code "GCM guiding principles": `uuid5` of
/// `group-principles`.
pub fn principles_group() -> String {
    uuid5(GCM_TAG_NAMESPACE, "group-principles")
}

/// The GUID of a GCM tag, by its id (`objective-17` → `uuid5(GCM_TAG_NAMESPACE, id)`).
pub fn gcm_tag(id: &str) -> String {
    uuid5(GCM_TAG_NAMESPACE, id)
}

/// The GCM tag whose GUID this is (any case, with or without braces), if any.
pub fn gcm_tag_of(guid: &str) -> Option<&'static str> {
    let guid = normalize(guid);
    crate::codebook::TAGS
        .iter()
        .find(|t| gcm_tag(t.id) == guid)
        .map(|t| t.id)
}

/// A GUID as we compare them: lowercase, without the braces that the REFI-QDA XSD allows
/// (`{…}`, as NVivo writes them).
pub fn normalize(guid: &str) -> String {
    guid.trim()
        .trim_start_matches('{')
        .trim_end_matches('}')
        .to_ascii_lowercase()
}

/// True for a UUID in the hyphenated form the REFI-QDA XSD's `GUIDType` accepts.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => *c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// A name-based UUID, version 5 (RFC 9562 §5.5): SHA-1 of the namespace's 16 bytes and the
/// name's UTF-8, its first 16 bytes with the version and variant bits set. `namespace` is a
/// hyphenated UUID ([`GCM_TAG_NAMESPACE`]); lowercase out.
pub fn uuid5(namespace: &str, name: &str) -> String {
    let mut input: Vec<u8> = (0..16)
        .map(|i| {
            let hex: String = namespace.chars().filter(|c| *c != '-').collect();
            u8::from_str_radix(hex.get(2 * i..2 * i + 2).unwrap_or("00"), 16).unwrap_or(0)
        })
        .collect();
    input.extend_from_slice(name.as_bytes());
    let h = sha1(&input);
    let mut b = [0u8; 16];
    b.copy_from_slice(&h[..16]);
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// SHA-1 (FIPS 180-4 §6.1) of `bytes`. Only for name-based UUIDs, which RFC 9562 defines
/// with it; never for anything that needs collision resistance. Forty lines here rather
/// than a crate.
pub fn sha1(bytes: &[u8]) -> [u8; 20] {
    let mut h: [u32; 5] = [
        0x6745_2301,
        0xEFCD_AB89,
        0x98BA_DCFE,
        0x1032_5476,
        0xC3D2_E1F0,
    ];
    let mut msg = bytes.to_vec();
    let bits = (bytes.len() as u64).wrapping_mul(8);
    msg.push(0x80);
    while msg.len() % 64 != 56 {
        msg.push(0);
    }
    msg.extend_from_slice(&bits.to_be_bytes());
    for block in msg.chunks(64) {
        let mut w = [0u32; 80];
        for (i, word) in block.chunks(4).enumerate() {
            w[i] = u32::from_be_bytes([word[0], word[1], word[2], word[3]]);
        }
        for i in 16..80 {
            w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotate_left(1);
        }
        let [mut a, mut b, mut c, mut d, mut e] = h;
        for (i, wi) in w.iter().enumerate() {
            let (f, k) = match i {
                0..=19 => ((b & c) | (!b & d), 0x5A82_7999),
                20..=39 => (b ^ c ^ d, 0x6ED9_EBA1),
                40..=59 => ((b & c) | (b & d) | (c & d), 0x8F1B_BCDC),
                _ => (b ^ c ^ d, 0xCA62_C1D6),
            };
            let t = a
                .rotate_left(5)
                .wrapping_add(f)
                .wrapping_add(e)
                .wrapping_add(k)
                .wrapping_add(*wi);
            e = d;
            d = c;
            c = b.rotate_left(30);
            b = a;
            a = t;
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 20];
    for (i, x) in h.iter().enumerate() {
        out[4 * i..4 * i + 4].copy_from_slice(&x.to_be_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha1_matches_the_fips_test_vectors() {
        let hex = |b: [u8; 20]| b.iter().map(|x| format!("{x:02x}")).collect::<String>();
        // FIPS 180-2, appendix A.1 and A.2.
        assert_eq!(
            hex(sha1(b"abc")),
            "a9993e364706816aba3e25717850c26c9cd0d89d"
        );
        assert_eq!(
            hex(sha1(
                b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
            )),
            "84983e441c3bd26ebaae4aa1f95129e5e54670f1"
        );
        assert_eq!(hex(sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }

    #[test]
    fn uuid5_matches_rfc_9562_and_python() {
        // RFC 9562 appendix A.4: the DNS namespace and "www.example.com" (Python's
        // `uuid.uuid5(uuid.NAMESPACE_DNS, "www.example.com")` gives the same).
        assert_eq!(
            uuid5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com"),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2"
        );
        let g = gcm_tag("objective-17");
        assert!(is_uuid(&g) && &g[14..15] == "5", "{g}");
        assert_eq!(
            gcm_tag_of(&format!("{{{}}}", g.to_uppercase())),
            Some("objective-17")
        );
        assert_eq!(gcm_tag_of("2ed6657d-e927-568b-95e1-2665a8aea6a2"), None);
        assert_ne!(objectives_group(), principles_group());
    }
}
