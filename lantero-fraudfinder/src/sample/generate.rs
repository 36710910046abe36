//! The generator behind [`Scenario::generate`](super::Scenario::generate).

use std::fmt::Write;

use super::{PlantedCase, SampleFile, Scenario, ScenarioOptions};
use crate::Result;

const MONTHS: usize = 6;
const DAYS: usize = 14;
const STREETS: [&str; 8] = [
    "Storgatan",
    "Kyrkvägen",
    "Skolgatan",
    "Ringvägen",
    "Parkgatan",
    "Björkvägen",
    "Sjövägen",
    "Torget",
];
const CLIENT_SURNAMES: [&str; 6] = ["Lind", "Berg", "Holm", "Ek", "Strand", "Dahl"];
const ASSISTANT_SURNAMES: [&str; 6] = ["Nyström", "Sjöberg", "Falk", "Hägg", "Wik", "Lund"];

/// A linear congruential generator: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % below.max(1)
    }
}

/// Persons with planted roles; chosen apart from each other and from multiples of 5
/// (who work part of the period) except where that is the point.
const SHARED_ACCOUNT: [usize; 2] = [1, 3];
const SAME_ADDRESS: [usize; 5] = [11, 12, 13, 14, 16];
const LARGE_AMOUNT: usize = 21;
const FOREIGN_ACCOUNT: usize = 22;
const INCOME_WHILE_SUPPORTED: usize = 25;

fn kind(person: usize, month: usize) -> &'static str {
    if (person + month) % 10 == 7 {
        "hemutrustningslan"
    } else {
        "ekonomiskt_bistand"
    }
}

pub(super) fn scenario(options: &ScenarioOptions) -> Result<Scenario> {
    let mut rng = Rng(options.seed);
    let plant = options.plant && options.persons > 30;
    let mut files = Vec::new();

    // Payments and income.
    let mut payments = String::from(
        "id,person_id,kind,amount,bank_account,address,month,paid,reference,caseworker\n",
    );
    let mut income = String::from("person_id,month,employer,amount\n");
    let mut cases: Vec<PlantedCase> = Vec::new();
    let mut record =
        |rule: &str, text: &str, id: String| match cases.iter_mut().find(|c| c.rule == rule) {
            Some(case) => case.records.push(id),
            None => cases.push(PlantedCase {
                rule: rule.to_owned(),
                description: text.to_owned(),
                records: vec![id],
            }),
        };
    for person in 0..options.persons {
        let works = person % 5 == 0;
        let mut account = format!("{:04}-{:07}", 3000 + person % 6000, person);
        let mut address = format!("{} {}", STREETS[(person / 2) % 8], person / 16 + 1);
        if plant && person == SHARED_ACCOUNT[1] {
            account = format!("{:04}-{:07}", 3000 + SHARED_ACCOUNT[0], SHARED_ACCOUNT[0]);
        }
        if plant && SAME_ADDRESS.contains(&person) {
            address = "Skenvägen 1".to_owned();
        }
        if plant && person == FOREIGN_ACCOUNT {
            account = "DE89370400440532013000".to_owned();
        }
        let months = if works { 3 } else { MONTHS };
        for month in 0..months {
            let id = format!("U{person:06}-{month}");
            let mut amount = 3000 + rng.next(22_000);
            let kind = kind(person, month);
            if plant && person == LARGE_AMOUNT && month == 2 {
                amount = 48_000;
                record(
                    "stort_belopp",
                    "Utbetalning på 48 000 kr i ekonomiskt bistånd",
                    id.clone(),
                );
            }
            if plant && SHARED_ACCOUNT.contains(&person) {
                record("samma_konto", "Två sökande med samma bankkonto", id.clone());
            }
            if plant && SAME_ADDRESS.contains(&person) {
                record(
                    "manga_pa_adress",
                    "Fem sökande skrivna på Skenvägen 1",
                    id.clone(),
                );
            }
            if plant && person == FOREIGN_ACCOUNT && kind == "ekonomiskt_bistand" {
                record(
                    "utlandskt_konto",
                    "Bistånd till ett tyskt bankkonto",
                    id.clone(),
                );
            }
            if plant
                && person == INCOME_WHILE_SUPPORTED
                && month == 1
                && kind == "ekonomiskt_bistand"
            {
                record(
                    "inkomst_under_bistand",
                    "Lön från arbetsgivare samma månad som bistånd",
                    id.clone(),
                );
            }
            let _ = writeln!(
                payments,
                "{id},P{person:06},{kind},{amount},{account},{address},2025-{:02},2025-{:02}-25,\
                 Bistånd 2025-{:02},H{:02}",
                month + 1,
                month + 1,
                month + 1,
                rng.next(20)
            );
        }
        if works {
            for month in 3..MONTHS {
                let _ = writeln!(
                    income,
                    "P{person:06},2025-{:02},Arbetsgivare {} AB,{}",
                    month + 1,
                    person % 50,
                    9000 + rng.next(20_000)
                );
            }
        }
        if plant && person == INCOME_WHILE_SUPPORTED {
            let _ = writeln!(income, "P{person:06},2025-02,Byggfirma Svart AB,18500");
        }
    }
    files.push(SampleFile {
        name: "payments".into(),
        schema: "id:text, person_id:text, kind:text, amount:number, bank_account:text, \
                 address:text, month:text, paid:date, reference:text, caseworker:text"
            .parse()?,
        csv: payments,
    });
    files.push(SampleFile {
        name: "income".into(),
        schema: "person_id:text, month:text, employer:text, amount:number".parse()?,
        csv: income,
    });

    // Personal assistance: clients, assistants and their time reports.
    let clients_n = options.assistants.div_ceil(2).max(1);
    let mut clients = String::from("client_id,surname,address\n");
    for c in 0..clients_n {
        let _ = writeln!(
            clients,
            "C{c:04},{},Brukarvägen {}",
            CLIENT_SURNAMES[c % CLIENT_SURNAMES.len()],
            c + 1
        );
    }
    let mut assistants = String::from("id,assistant_id,client_id,surname,address\n");
    let mut reports = String::from("id,assistant_id,client_id,date,hours\n");
    for a in 0..options.assistants {
        let client = a % clients_n;
        let relative = plant && a == 4;
        let (surname, address) = if relative {
            record(
                "anhorig_assistent",
                "Assistent med brukarens efternamn och adress",
                format!("AS{a:04}"),
            );
            (
                CLIENT_SURNAMES[client % CLIENT_SURNAMES.len()].to_owned(),
                format!("Brukarvägen {}", client + 1),
            )
        } else {
            (
                ASSISTANT_SURNAMES[a % ASSISTANT_SURNAMES.len()].to_owned(),
                format!("Assistentgatan {}", a + 1),
            )
        };
        let _ = writeln!(
            assistants,
            "AS{a:04},A{a:04},C{client:04},{surname},{address}"
        );
        for day in 0..DAYS {
            let over = plant && a == 2 && day == 3;
            let hours = if over { 12 } else { 6 + rng.next(7) };
            let id = format!("T{a:04}-{day:02}");
            let _ = writeln!(
                reports,
                "{id},A{a:04},C{client:04},2025-03-{:02},{hours}",
                day + 1
            );
            if over {
                let extra = format!("T{a:04}-{day:02}b");
                let _ = writeln!(
                    reports,
                    "{extra},A{a:04},C{client:04},2025-03-{:02},14",
                    day + 1
                );
                record("timmar_over_dygn", "26 timmar rapporterade samma dygn", id);
                record(
                    "timmar_over_dygn",
                    "26 timmar rapporterade samma dygn",
                    extra,
                );
            }
        }
    }
    files.push(SampleFile {
        name: "clients".into(),
        schema: "client_id:text, surname:text, address:text".parse()?,
        csv: clients,
    });
    files.push(SampleFile {
        name: "assistants".into(),
        schema: "id:text, assistant_id:text, client_id:text, surname:text, address:text".parse()?,
        csv: assistants,
    });
    files.push(SampleFile {
        name: "time_reports".into(),
        schema: "id:text, assistant_id:text, client_id:text, date:date, hours:number".parse()?,
        csv: reports,
    });

    // Associations with yearly member counts and grants.
    let mut associations = String::from("id,association_id,name,year,members,grant\n");
    for f in 0..options.associations {
        let mut members = 30 + rng.next(170);
        for year in 2022..=2025 {
            if year > 2022 {
                members += members * rng.next(20) / 100;
            }
            if plant && f == 3 && year == 2024 {
                members = members * 3 + 60;
                record(
                    "medlemsokning",
                    "Föreningens medlemmar mer än tredubblade på ett år",
                    format!("F{f:03}-{year}"),
                );
            }
            let _ = writeln!(
                associations,
                "F{f:03}-{year},F{f:03},Förening {f},{year},{members},{}",
                members * 150
            );
        }
    }
    files.push(SampleFile {
        name: "associations".into(),
        schema:
            "id:text, association_id:text, name:text, year:number, members:number, grant:number"
                .parse()?,
        csv: associations,
    });

    Ok(Scenario {
        files,
        planted: cases,
    })
}
