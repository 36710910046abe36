//! Validating personnummer at the rate a detector meets candidates: one million strings in
//! every written form, about half of them valid, generated before timing starts.
//!
//! `cargo bench -p lantero-benches --bench identifiers`

use std::hint::black_box;

use chrono::{Days, NaiveDate};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use lantero_core::identifiers::{Personnummer, is_valid_personnummer, is_valid_personnummer_at};

const COUNT: usize = 1_000_000;

/// A small deterministic generator (xorshift64*), so every run times the same strings.
struct Rng(u64);

impl Rng {
    fn below(&mut self, bound: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % bound
    }
}

/// `COUNT` numbers, each written in one of the four usual forms; every other one has its check
/// digit changed, so about half are valid. One in eight is a samordningsnummer.
fn candidates(reference: NaiveDate) -> Vec<String> {
    let mut rng = Rng(0x5eed_1234_abcd_0042);
    let earliest = NaiveDate::from_ymd_opt(1920, 1, 1).unwrap();
    let span = (reference - earliest).num_days() as u64;
    (0..COUNT)
        .map(|i| {
            let born = earliest + Days::new(rng.below(span));
            let serial = 1 + rng.below(999) as u16;
            let samordning = rng.below(8) == 0;
            let pnr = Personnummer::from_parts(born, serial, samordning).unwrap();
            let mut text = match rng.below(4) {
                0 => pnr.format_long(),
                1 => pnr.digits(),
                2 => pnr.format_short_at(reference),
                _ => pnr.short_digits(),
            };
            if i % 2 == 1 {
                let check = text.pop().unwrap();
                let wrong = (check as u8 - b'0' + 1) % 10 + b'0';
                text.push(char::from(wrong));
            }
            text
        })
        .collect()
}

fn identifiers(c: &mut Criterion) {
    let reference = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap();
    let inputs = candidates(reference);
    let mut group = c.benchmark_group("identifiers");
    group.throughput(Throughput::Elements(COUNT as u64));
    group.sample_size(10);

    group.bench_function("validate_1m_personnummer", |b| {
        b.iter(|| inputs.iter().filter(|s| is_valid_personnummer(s)).count())
    });
    group.bench_function("validate_at_1m_personnummer", |b| {
        b.iter(|| {
            let reference = black_box(reference);
            inputs
                .iter()
                .filter(|s| is_valid_personnummer_at(s, reference))
                .count()
        })
    });
    group.bench_function("parse_at_1m_personnummer", |b| {
        b.iter(|| {
            let reference = black_box(reference);
            inputs
                .iter()
                .filter(|s| Personnummer::parse_at(s, reference).is_ok())
                .count()
        })
    });
    group.finish();
}

criterion_group!(benches, identifiers);
criterion_main!(benches);
