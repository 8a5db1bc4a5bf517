//! Fixed-point text of floats (`{:.N}` without `core::fmt`'s float formatter).
//!
//! The standard float formatter (`Display` for `f64`) brings two large algorithms into the
//! wasm (shortest and exact digits, ~11 KB raw). The app only ever prints floats with a fixed
//! number of decimals (statistics, sizes, SVG coordinates, CSS pixels), so [`fixed`] does
//! that one thing with integer arithmetic and gives the same text as `format!("{x:.N}")`.

/// `x` with exactly `places` decimals (`places` ≤ 6), the same text as
/// `format!("{x:.places$}")`: the exact binary value rounded half to even, a `-` for any
/// negative value (including `-0.0` and values that round to zero), `NaN`, `inf`, `-inf`.
pub fn fixed(x: f64, places: u32) -> String {
    debug_assert!(places <= 6, "fixed: at most 6 decimals");
    let sign = if x.is_sign_negative() && !x.is_nan() {
        "-"
    } else {
        ""
    };
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    let scale = 10u128.pow(places);
    let bits = x.abs().to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = u128::from(bits & ((1 << 52) - 1));
    // |x| = mant × 2^e exactly.
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    let scaled = if e >= 0 {
        // A whole number; past 2^(53 + 10) its digits are written by `big_int`, so that the
        // whole part below always fits a u64 (printing a u128 brings its own formatter).
        if e > 10 {
            return format!(
                "{sign}{}{}",
                big_int(mant as u64, e as u32),
                point_zeros(places)
            );
        }
        (mant << e) * scale
    } else {
        let shift = (-e) as u32;
        let num = mant * scale; // < 2^53 × 10^6 < 2^73
        if shift >= 100 {
            // |x| × 10^places < 2^-27: rounds to zero.
            0
        } else {
            let q = num >> shift;
            let rem = num - (q << shift);
            let half = 1u128 << (shift - 1);
            if rem > half || (rem == half && q % 2 == 1) {
                q + 1
            } else {
                q
            }
        }
    };
    // Both fit a u64: the whole part is below 2^63 (see above), the decimals below 10^6.
    let (int, dec) = ((scaled / scale) as u64, (scaled % scale) as u64);
    if places == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{dec:0width$}", width = places as usize)
    }
}

/// The decimal digits of `mant × 2^e` (whole numbers up to `f64::MAX`), by long
/// multiplication in base 10^9.
fn big_int(mant: u64, mut e: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    let mut limbs = vec![mant % BASE, mant / BASE % BASE, mant / BASE / BASE];
    while e > 0 {
        let k = e.min(30);
        e -= k;
        let mut carry = 0u64;
        for limb in &mut limbs {
            let v = (*limb << k) + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push(carry % BASE);
            carry /= BASE;
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = limbs.pop().unwrap_or(0).to_string();
    for limb in limbs.iter().rev() {
        out.push_str(&format!("{limb:09}"));
    }
    out
}

/// `.000…` with `places` zeros, or nothing for 0 places.
fn point_zeros(places: u32) -> String {
    if places == 0 {
        String::new()
    } else {
        format!(".{}", "0".repeat(places as usize))
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;
    // proptest is a native-only dev-dependency (no random source in the wasm32 test build).
    #[cfg(not(target_arch = "wasm32"))]
    use proptest::prelude::*;

    #[test]
    fn matches_std_on_edges() {
        for x in [
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            -2.5,
            0.125,
            0.375,
            0.005,
            0.015,
            0.00015,
            0.12345,
            -0.00001,
            1e-300,
            5e-324,
            1e15,
            1e20,
            1.7976931348623157e308,
            999.99995,
            0.99995,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            34.0 + 170.0 / 3.0,
        ] {
            for p in 0..=6u32 {
                assert_eq!(fixed(x, p), format!("{x:.*}", p as usize), "{x:e} to {p}");
            }
        }
    }

    #[test]
    fn matches_std_on_whole_numbers_of_every_size() {
        // The largest and smallest mantissas at each binary exponent up to 2^113: both ways
        // of writing the whole part (plain integers, then long multiplication) and the edge
        // between them.
        for k in 0..=60 {
            for mant in [(1u64 << 53) - 1, 1 << 52, 12_345_678_901] {
                let x = mant as f64 * 2f64.powi(k);
                for p in [0, 2, 6] {
                    assert_eq!(fixed(x, p), format!("{x:.*}", p as usize), "{x:e} to {p}");
                }
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest! {
        #[test]
        fn matches_std(x in proptest::num::f64::ANY, p in 0..=6u32) {
            prop_assert_eq!(fixed(x, p), format!("{x:.*}", p as usize));
        }

        #[test]
        fn matches_std_for_ratios(a in 0u32..2000, b in 1u32..2000, p in 0..=6u32) {
            let x = f64::from(a) / f64::from(b) - 0.5;
            prop_assert_eq!(fixed(x, p), format!("{x:.*}", p as usize));
        }
    }
}
