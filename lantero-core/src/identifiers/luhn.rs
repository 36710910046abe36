//! The Luhn (mod 10) check digit, shared by every Swedish identifier and by payment cards,
//! bankgiro and plusgiro numbers.
//!
//! Digits are ASCII bytes (`b'0'..=b'9'`), the form they have in text, so that a recognizer can
//! pass a slice of the page text without converting it. The doubling starts at the digit next
//! to the check digit and runs leftwards, so numbers of any length work.
//!
//! ```
//! use lantero_core::identifiers::luhn;
//!
//! assert!(luhn::is_valid(b"8112189876")); // the personnummer 811218-9876
//! assert!(!luhn::is_valid(b"8112189875"));
//! assert_eq!(luhn::check_digit(b"811218987"), Some(6));
//! assert_eq!(luhn::check_digit(b"81121898x"), None);
//! ```

/// Whether the last digit of `digits` is the Luhn check digit of the ones before it.
///
/// False for an empty slice and for any byte that is not an ASCII digit.
pub fn is_valid(digits: &[u8]) -> bool {
    match digits.split_last() {
        Some((&last, payload)) if last.is_ascii_digit() => {
            check_digit(payload) == Some(last - b'0')
        }
        _ => false,
    }
}

/// The check digit (a value `0..=9`, not an ASCII byte) that makes `payload` followed by it
/// Luhn-valid, or `None` if `payload` holds a byte that is not an ASCII digit.
pub fn check_digit(payload: &[u8]) -> Option<u8> {
    // A doubled digit contributes the digit sum of its double.
    const DOUBLED: [u8; 10] = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];
    // u64 cannot overflow: that would take more than 10^18 digits.
    let mut sum: u64 = 0;
    let mut double = true;
    for &byte in payload.iter().rev() {
        let digit = byte.wrapping_sub(b'0');
        let contribution = if double {
            *DOUBLED.get(usize::from(digit))?
        } else if digit <= 9 {
            digit
        } else {
            return None;
        };
        sum += u64::from(contribution);
        double = !double;
    }
    // The result is below 10, so the narrowing cannot lose anything.
    Some(((10 - sum % 10) % 10) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Textbook Luhn, written independently: double every second digit from the right,
    /// summing the digits of the products.
    fn textbook_sum(digits: &[u8]) -> u32 {
        digits
            .iter()
            .rev()
            .enumerate()
            .map(|(i, b)| {
                let d = u32::from(b - b'0');
                if i % 2 == 1 {
                    (d * 2) / 10 + (d * 2) % 10
                } else {
                    d
                }
            })
            .sum()
    }

    #[test]
    fn known_numbers() {
        // Odd length (the textbook example) and even length (a personnummer, an
        // organisationsnummer, a test card number).
        assert!(is_valid(b"79927398713"));
        assert!(is_valid(b"8112189876"));
        assert!(is_valid(b"5560160680"));
        assert!(is_valid(b"4111111111111111"));
        assert!(!is_valid(b"79927398710"));
        assert_eq!(check_digit(b"7992739871"), Some(3));
        assert_eq!(check_digit(b"556016068"), Some(0));
    }

    #[test]
    fn rejects_non_digits_and_empty() {
        assert!(!is_valid(b""));
        assert!(!is_valid(b"81121898 6"));
        assert!(!is_valid("811218987٦".as_bytes()));
        assert_eq!(check_digit(b"-"), None);
        assert_eq!(check_digit(b""), Some(0));
    }

    proptest! {
        #[test]
        fn agrees_with_textbook(digits in "[0-9]{1,40}") {
            let bytes = digits.as_bytes();
            prop_assert_eq!(is_valid(bytes), textbook_sum(bytes) % 10 == 0);
        }

        #[test]
        fn appended_check_digit_is_valid(payload in "[0-9]{0,40}") {
            let check = check_digit(payload.as_bytes()).unwrap();
            let mut full = payload.into_bytes();
            full.push(b'0' + check);
            prop_assert!(is_valid(&full));
        }

        #[test]
        fn any_single_digit_change_is_caught(payload in "[0-9]{1,30}", at in any::<prop::sample::Index>(), delta in 1u8..10) {
            let check = check_digit(payload.as_bytes()).unwrap();
            let mut full = payload.into_bytes();
            full.push(b'0' + check);
            let i = at.index(full.len());
            full[i] = b'0' + (full[i] - b'0' + delta) % 10;
            prop_assert!(!is_valid(&full));
        }
    }
}
