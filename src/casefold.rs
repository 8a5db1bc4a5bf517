//! Case and accent folding, for comparing names and searching text: [`lowercase`] (the
//! browser's in the app, std's natively) and [`fold`] (lower case without accents).

/// `s` in lower case by Unicode's default case mapping (the Unicode Standard §3.13, with
/// the final sigma rule): ASCII here, other text by the browser's
/// `String.prototype.toLowerCase` in the app (std's natively), so that std's case tables
/// are not in the first load (5 KB brotli).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(s).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        s.to_lowercase()
    }
}

/// Text folded for comparison and search (code names, the list's and the palette's search):
/// lowercase, Latin letters without their accents (`À` → `a`, `ñ` → `n`, `ß` → `ss`, `œ` →
/// `oe`), combining marks dropped (so that a decomposed `e\u{301}` is `e` too), runs of
/// white space as one space. Enough for the English, French and Spanish the GCM's texts are
/// in, without a Unicode normalization table in the first load.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in lowercase(s.trim()).chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        match c {
            'à'..='å' | 'ā' | 'ă' | 'ą' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' | 'ć' | 'č' => out.push('c'),
            'è'..='ë' | 'ē' | 'ė' | 'ę' | 'ě' => out.push('e'),
            'ì'..='ï' | 'ī' | 'į' | 'ı' => out.push('i'),
            'ñ' | 'ń' | 'ň' => out.push('n'),
            'ò'..='ö' | 'ø' | 'ō' | 'ő' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ù'..='ü' | 'ū' | 'ů' | 'ű' | 'ų' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            'ß' => out.push_str("ss"),
            'ś' | 'š' => out.push('s'),
            'ź' | 'ż' | 'ž' => out.push('z'),
            'ł' => out.push('l'),
            'ř' => out.push('r'),
            'ť' => out.push('t'),
            'ď' => out.push('d'),
            'ğ' => out.push('g'),
            other => out.push(other),
        }
    }
    out
}
