//! Writing a zip archive (PKWARE APPNOTE.TXT 6.3): the container of a REFI-QDA project
//! (`.qdpx`) and of a brat export. Entries are stored, not deflated: the texts and XML inside
//! are what the user downloads, and storing needs no compressor in the app. Reading archives
//! is [`crate::extract::package`]'s job.

/// The most entries one archive holds: the 16-bit counts of the end of central directory
/// record (§4.3.16), without Zip64.
pub const MAX_ENTRIES: usize = 65_535;

/// Why an archive cannot be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ZipError {
    /// More than [`MAX_ENTRIES`] entries.
    TooManyEntries(usize),
    /// The archive would pass 4 GiB, which needs Zip64.
    TooLarge,
}

impl std::fmt::Display for ZipError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ZipError::TooManyEntries(n) => {
                let (n, max) = (n.to_string(), MAX_ENTRIES.to_string());
                f.write_str(&t!("read-zip-too-many", count = n, max = max))
            }
            ZipError::TooLarge => f.write_str(&t!("read-zip-too-large")),
        }
    }
}

impl std::error::Error for ZipError {}

/// CRC-32 (ISO 3309, the polynomial 0xEDB88320 reflected) of `bytes`, as APPNOTE §4.4.7
/// asks, a byte at a time by a table built at compile time. (Bit by bit it took 150 ms of a
/// 230 ms REFI-QDA export of 10,000 annotations; the table is 1 KB of the second module,
/// which alone writes zips.)
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc = (crc >> 8) ^ CRC_TABLE[((crc ^ u32::from(b)) & 0xff) as usize];
    }
    !crc
}

/// The CRC of each byte value, for [`crc32`].
const CRC_TABLE: [u32; 256] = {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut crc = i as u32;
        let mut k = 0;
        while k < 8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
            k += 1;
        }
        table[i] = crc;
        i += 1;
    }
    table
};

/// An archive of `entries` (`(path, bytes)`, paths with `/` separators, in the order
/// given), every entry stored (method 0) with the UTF-8 name flag (general purpose bit 11),
/// dated 1980-01-01 so that the same content gives the same bytes.
pub fn store(entries: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ZipError> {
    if entries.len() > MAX_ENTRIES {
        return Err(ZipError::TooManyEntries(entries.len()));
    }
    let total: usize = entries
        .iter()
        .map(|(n, d)| 76 + 2 * n.len() + d.len())
        .sum();
    if total + 22 > u32::MAX as usize {
        return Err(ZipError::TooLarge);
    }
    let mut out = Vec::with_capacity(total + 22);
    let mut central = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    // Version 2.0 (20): what a stored entry with a UTF-8 name needs.
    const VERSION: u16 = 20;
    const UTF8: u16 = 1 << 11;
    const DOS_DATE_1980_01_01: u16 = (1 << 5) | 1;
    for (name, data) in entries {
        let offset = out.len() as u32;
        let crc = crc32(data);
        let (size, name_len) = (data.len() as u32, name.len() as u16);
        // Local file header (§4.3.7).
        u32le(&mut out, 0x0403_4b50);
        for x in [VERSION, UTF8, 0, 0, DOS_DATE_1980_01_01] {
            u16le(&mut out, x);
        }
        for x in [crc, size, size] {
            u32le(&mut out, x);
        }
        u16le(&mut out, name_len);
        u16le(&mut out, 0);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        // Central directory header (§4.3.12).
        u32le(&mut central, 0x0201_4b50);
        for x in [VERSION, VERSION, UTF8, 0, 0, DOS_DATE_1980_01_01] {
            u16le(&mut central, x);
        }
        for x in [crc, size, size] {
            u32le(&mut central, x);
        }
        for x in [name_len, 0, 0, 0, 0] {
            u16le(&mut central, x);
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let (at, len) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    // End of central directory record (§4.3.16).
    u32le(&mut out, 0x0605_4b50);
    let n = entries.len() as u16;
    for x in [0, 0, n, n] {
        u16le(&mut out, x);
    }
    u32le(&mut out, len);
    u32le(&mut out, at);
    u16le(&mut out, 0);
    Ok(out)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::extract::package::{Method, Package};

    #[test]
    fn crc32_matches_the_check_value() {
        // The standard check value of CRC-32/ISO-HDLC.
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_reads_back_with_utf8_names_and_exact_bytes() {
        let entries = vec![
            ("project.qde".to_string(), b"<Project/>".to_vec()),
            (
                "Sources/Été 😀.txt".to_string(),
                "مهاجرون\nline".as_bytes().to_vec(),
            ),
            ("empty.txt".to_string(), Vec::new()),
        ];
        let bytes = store(&entries).unwrap();
        let mut package = Package::open(&bytes).unwrap();
        for (name, data) in &entries {
            let part = package.part(name).unwrap().expect(name);
            assert_eq!(part.method, Method::Stored);
            assert_eq!(&part.data, data);
        }
        assert_eq!(
            store(&entries).unwrap(),
            bytes,
            "the same content, the same bytes"
        );
    }

    #[test]
    fn python_zipfile_reads_it_and_checks_every_crc() {
        let entries = vec![
            ("a.txt".to_string(), b"hello".to_vec()),
            ("dir/b 😀.txt".to_string(), vec![0u8, 1, 2, 255]),
        ];
        let path = std::env::temp_dir().join(format!("zip-{}.zip", std::process::id()));
        std::fs::write(&path, store(&entries).unwrap()).unwrap();
        let out = std::process::Command::new("python3")
            .args([
                "-c",
                "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(sorted(z.namelist()))",
            ])
            .arg(&path)
            .output();
        let _ = std::fs::remove_file(&path);
        let Ok(out) = out else { return };
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            "['a.txt', 'dir/b 😀.txt']"
        );
    }
}
