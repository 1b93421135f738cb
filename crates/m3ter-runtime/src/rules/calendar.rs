//! RFC 3339's grammars of dates, times and durations (section 5.6 and Appendix A), read by hand
//! in one pass over the bytes: ASCII digits only, every field its exact width, a real calendar.

/// The value of the ASCII digits `b[range]`, or `None` when the range is out of `b` or holds
/// anything but ASCII digits.
fn digits(b: &[u8], range: std::ops::Range<usize>) -> Option<u32> {
    b.get(range)?.iter().try_fold(0u32, |n, d| {
        d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
    })
}

/// Whether `year` is a leap year of the Gregorian calendar (RFC 3339 Appendix C).
pub const fn is_leap_year(year: u32) -> bool {
    year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400))
}

/// The number of days of `month` (1 to 12) in `year`, or `None` for another month.
pub const fn days_in_month(year: u32, month: u32) -> Option<u32> {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        4 | 6 | 9 | 11 => Some(30),
        2 if is_leap_year(year) => Some(29),
        2 => Some(28),
        _ => None,
    }
}

/// RFC 3339 `full-date` (`date-fullyear "-" date-month "-" date-mday`) at the start of `b`:
/// four digits, `-`, two digits, `-`, two digits, a day that exists in that month of that year.
/// Returns `(year, month, day)`; the caller says what may follow (ten bytes are read).
pub fn full_date(b: &[u8]) -> Option<(u32, u32, u32)> {
    let (year, month, day) = (digits(b, 0..4)?, digits(b, 5..7)?, digits(b, 8..10)?);
    if b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let days = days_in_month(year, month)?;
    (day >= 1 && day <= days).then_some((year, month, day))
}

/// RFC 3339 `full-time` (`partial-time time-offset`), the whole of `b`: `hh:mm:ss`, an optional
/// fraction of at least one digit, then `Z` (or `z`) or `+hh:mm` / `-hh:mm`. Hour 00 to 23,
/// minute 00 to 59, second 00 to 60, an offset's hour 00 to 23 and minute 00 to 59. Second 60
/// is a leap second, which RFC 3339 places at the end of a UTC day (section 5.7, Appendix D):
/// the time less its offset must be 23:59 UTC. Returns `(hour, minute, second, offset in
/// minutes)`.
pub fn full_time(b: &[u8]) -> Option<(u32, u32, u32, i32)> {
    let (hour, minute, second) = (digits(b, 0..2)?, digits(b, 3..5)?, digits(b, 6..8)?);
    if b[2] != b':' || b[5] != b':' {
        return None;
    }
    let mut i = 8;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return None;
        }
    }
    let offset = match b.get(i)? {
        b'Z' | b'z' if i + 1 == b.len() => 0,
        sign @ (b'+' | b'-') if i + 6 == b.len() && b[i + 3] == b':' => {
            let (h, m) = (digits(b, i + 1..i + 3)?, digits(b, i + 4..i + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = i32::try_from(h * 60 + m).ok()?;
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => return None,
    };
    if hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    if second == 60 {
        // A leap second is the last second of 23:59 UTC.
        let local = i32::try_from(hour * 60 + minute).ok()?;
        if (local - offset).rem_euclid(24 * 60) != 23 * 60 + 59 {
            return None;
        }
    }
    Some((hour, minute, second, offset))
}

/// RFC 3339 Appendix A `duration`, the whole of `b`:
///
/// ```text
/// duration = "P" (dur-date / dur-time / dur-week)
/// dur-date = (dur-day / dur-month / dur-year) [dur-time]
/// dur-time = "T" (dur-hour / dur-minute / dur-second)
/// dur-year = 1*DIGIT "Y" [dur-month]     dur-hour   = 1*DIGIT "H" [dur-minute]
/// dur-month = 1*DIGIT "M" [dur-day]      dur-minute = 1*DIGIT "M" [dur-second]
/// dur-day = 1*DIGIT "D"                  dur-second = 1*DIGIT "S"
/// dur-week = 1*DIGIT "W"
/// ```
///
/// So the date's elements are a run of Y, M, D in that order without a gap (`P1Y2D` is not
/// one), the time's a run of H, M, S likewise, at least one element in all, weeks alone. The
/// literals are letters of an ABNF string, which RFC 5234 (section 2.3) reads without regard
/// to case: `p1d` is as valid as `P1D`. Numbers are any count of ASCII digits (no sign,
/// fraction or exponent); their values are not read.
pub fn duration(b: &[u8]) -> bool {
    let Some((first, rest)) = b.split_first() else {
        return false;
    };
    if !first.eq_ignore_ascii_case(&b'P') {
        return false;
    }
    // The designators before `T`, then those after it, each run held to its grammar.
    let (Run::Units(units, n), rest) = designators(rest) else {
        return false;
    };
    let date = &units[..n];
    if !matches!(
        date,
        b"" | b"Y" | b"YM" | b"YMD" | b"M" | b"MD" | b"D" | b"W"
    ) {
        return false;
    }
    match rest.split_first() {
        None => !date.is_empty(),
        Some((t, time)) if t.eq_ignore_ascii_case(&b'T') && date != b"W" => {
            let (run, after) = designators(time);
            after.is_empty()
                && matches!(run, Run::Units(units, n)
                    if matches!(&units[..n], b"H" | b"HM" | b"HMS" | b"M" | b"MS" | b"S"))
        }
        Some(_) => false,
    }
}

/// The designators of a run of `1*DIGIT letter` elements.
#[derive(Clone, Copy)]
enum Run {
    /// Up to three designators (upper-cased), and how many there are.
    Units([u8; 3], usize),
    /// A number without a designator, a designator without a number, or more than three.
    Bad,
}

/// Reads `1*DIGIT letter` elements from the start of `b` until `T` or the end; returns the
/// run and what follows it.
fn designators(mut b: &[u8]) -> (Run, &[u8]) {
    let mut units = [0u8; 3];
    let mut n = 0;
    loop {
        let numeral = b.iter().take_while(|c| c.is_ascii_digit()).count();
        if numeral == 0 {
            return match b.first() {
                None => (Run::Units(units, n), b),
                Some(t) if t.eq_ignore_ascii_case(&b'T') => (Run::Units(units, n), b),
                Some(_) => (Run::Bad, b),
            };
        }
        let Some(letter) = b.get(numeral) else {
            return (Run::Bad, b);
        };
        let letter = letter.to_ascii_uppercase();
        if !matches!(letter, b'Y' | b'M' | b'D' | b'W' | b'H' | b'S') || n == units.len() {
            return (Run::Bad, b);
        }
        units[n] = letter;
        n += 1;
        b = &b[numeral + 1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2024));
        assert!(is_leap_year(2000));
        assert!(is_leap_year(400));
        assert!(!is_leap_year(2023));
        assert!(!is_leap_year(1900));
        assert!(!is_leap_year(2100));
        assert_eq!(days_in_month(2024, 2), Some(29));
        assert_eq!(days_in_month(2023, 2), Some(28));
        assert_eq!(days_in_month(2023, 4), Some(30));
        assert_eq!(days_in_month(2023, 13), None);
        assert_eq!(days_in_month(2023, 0), None);
    }

    #[test]
    fn full_dates() {
        assert_eq!(full_date(b"2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(full_date(b"0000-01-01"), Some((0, 1, 1)));
        assert_eq!(full_date(b"9999-12-31"), Some((9999, 12, 31)));
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2023-04-31",
            "2023-00-10",
            "2023-01-00",
            "2023-1-10",
            "2023_01_10",
            "",
            "2023-01-",
            "٢٠٢٣-01-01",
        ] {
            assert_eq!(full_date(bad.as_bytes()), None, "{bad:?}");
        }
    }

    #[test]
    fn full_times() {
        assert_eq!(full_time(b"23:59:60Z"), Some((23, 59, 60, 0)));
        assert_eq!(full_time(b"15:59:60-08:00"), Some((15, 59, 60, -480)));
        assert_eq!(full_time(b"00:29:60-23:30"), Some((0, 29, 60, -1410)));
        assert_eq!(full_time(b"00:00:00.000000001z"), Some((0, 0, 0, 0)));
        assert_eq!(full_time(b"12:34:56-00:00"), Some((12, 34, 56, 0)));
        for bad in [
            "24:00:00Z",
            "23:59:61Z",
            "23:59:60+01:00",
            "22:59:60Z",
            "12:00:00",
            "12:00:00.Z",
            "12:00:00Z ",
            "12:00:00+01",
            "12:00:00+0100",
            "12:00:00+01:60",
            "12:00:00Z+01:00",
            "12:00",
            "",
            "1٢:00:00Z",
        ] {
            assert_eq!(full_time(bad.as_bytes()), None, "{bad:?}");
        }
    }

    #[test]
    fn durations() {
        for good in [
            "P1Y",
            "P1Y2M",
            "P1Y2M3D",
            "P2M",
            "P2M3D",
            "P3D",
            "P1W",
            "PT1H",
            "PT1H2M",
            "PT1H2M3S",
            "PT2M",
            "PT2M3S",
            "PT3S",
            "P1DT1S",
            "P1Y2M3DT4H5M6S",
            "p1dt2h",
            "P0D",
            "P007D",
        ] {
            assert!(duration(good.as_bytes()), "{good:?}");
        }
        for bad in [
            "",
            "P",
            "PT",
            "T1H",
            "P1YT",
            "P1Y2D",
            "PT1H2S",
            "P2D1Y",
            "P1M1Y",
            "P1D1D",
            "P1W1D",
            "P1WT1H",
            "P1H",
            "PT1D",
            "PT1W",
            "P1",
            "PY",
            "P1.5D",
            "P1,5D",
            "P-1D",
            "-P1D",
            "P1D ",
            "P1DT",
            "P1DT1H1M1S1S",
            "P1Y1M1D1W",
            "P١D",
        ] {
            assert!(!duration(bad.as_bytes()), "{bad:?}");
        }
    }
}
