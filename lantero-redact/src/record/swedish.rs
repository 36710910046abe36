//! Swedish as a decision is written: number agreement, lists, dates, what was masked.

use chrono::{Datelike, NaiveDate};

/// "1 sida", "3 sidor": the count with the noun in the form that agrees with it.
///
/// ```
/// use lantero_redact::record::swedish::count;
/// assert_eq!(count(1, "sida", "sidor"), "1 sida");
/// assert_eq!(count(0, "maskering", "maskeringar"), "0 maskeringar");
/// ```
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "a", "a och b", "a, b och c": a list as running Swedish text.
///
/// ```
/// use lantero_redact::record::swedish::list;
/// assert_eq!(list(&["1", "2", "5"]), "1, 2 och 5");
/// ```
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    match items.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} och {}", rest.join(", "), last.as_ref())
        }
        Some((last, _)) => last.as_ref().to_owned(),
        None => String::new(),
    }
}

/// "sidan 3", "sidorna 1 och 3": pages as a decision names them.
///
/// ```
/// use lantero_redact::record::swedish::pages;
/// assert_eq!(pages(&[2]), "sidan 2");
/// assert_eq!(pages(&[1, 2, 5]), "sidorna 1, 2 och 5");
/// ```
pub fn pages(numbers: &[u32]) -> String {
    let words: Vec<String> = numbers.iter().map(u32::to_string).collect();
    match words.len() {
        1 => format!("sidan {}", words[0]),
        _ => format!("sidorna {}", list(&words)),
    }
}

/// "3 december 2026".
///
/// ```
/// use chrono::NaiveDate;
/// use lantero_redact::record::swedish::date;
/// assert_eq!(date(NaiveDate::from_ymd_opt(2026, 12, 3).unwrap()), "3 december 2026");
/// ```
pub fn date(day: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "januari",
        "februari",
        "mars",
        "april",
        "maj",
        "juni",
        "juli",
        "augusti",
        "september",
        "oktober",
        "november",
        "december",
    ];
    format!(
        "{} {} {}",
        day.day(),
        MONTHS[day.month0() as usize],
        day.year()
    )
}

/// What a mask of this entity hides, as a decision names it ("personnummer", "namn"); a
/// caseworker's own box (no entity) hides "uppgifter som handläggaren markerat".
pub fn what_is_masked(entity: Option<&str>) -> String {
    let word = match entity {
        None => "uppgifter som handläggaren markerat",
        Some("PERSON") => "namn",
        Some("PERSONNUMMER") => "personnummer",
        Some("ORGANISATIONSNUMMER") => "organisationsnummer",
        Some("PHONE") => "telefonnummer",
        Some("EMAIL") => "e-postadresser",
        Some("ADDRESS") => "adresser",
        Some("BANK_ACCOUNT") => "kontonummer",
        Some("IBAN") => "IBAN-nummer",
        Some("BANKGIRO") => "bankgironummer",
        Some("PLUSGIRO") => "plusgironummer",
        Some("PAYMENT_CARD") => "kortnummer",
        Some("VEHICLE_REGISTRATION") => "registreringsnummer",
        Some("IP_ADDRESS") => "IP-adresser",
        Some("URL") => "webbadresser",
        Some("DATE_OF_BIRTH") => "födelsedatum",
        Some("LOCATION") => "platser",
        Some("ORGANIZATION") => "namn på organisationer",
        Some("HEALTH") => "uppgifter om hälsa",
        Some("PUBLIC_ROLE") => "namn på tjänstepersoner i sin roll",
        Some("CUSTOM") => "uppgifter som alltid maskeras",
        Some(other) => return other.to_lowercase().replace('_', " "),
    };
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_entity_has_a_swedish_name() {
        for entity in crate::detect::Entity::ALL {
            let word = what_is_masked(Some(entity.as_str()));
            assert!(!word.contains('_'), "{entity:?} → {word}");
            assert_eq!(
                word,
                word.to_lowercase()
                    .replace("iban", "IBAN")
                    .replace("ip-", "IP-")
            );
        }
    }

    proptest! {
        #[test]
        fn lists_name_every_item_once_and_end_with_och(items in proptest::collection::vec("[a-zåäö]{1,8}", 1..6)) {
            let text = list(&items);
            prop_assert_eq!(text.matches(" och ").count(), usize::from(items.len() > 1));
            prop_assert!(text.ends_with(items.last().unwrap().as_str()));
            prop_assert_eq!(text.matches(", ").count(), items.len().saturating_sub(2));
        }

        #[test]
        fn counts_agree_with_their_number(n in 0usize..1000) {
            let text = count(n, "sida", "sidor");
            prop_assert_eq!(text.ends_with(" sida"), n == 1);
            prop_assert!(text.starts_with(&n.to_string()));
        }
    }
}
