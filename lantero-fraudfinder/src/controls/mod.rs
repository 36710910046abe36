//! Control rules over payment and application data.
//!
//! A [`RuleSet`] holds rules in the small [rule language](language) — thresholds,
//! patterns, group-bys and cross-matches between data sets — and custom [`ControlRule`]s
//! (Rust types or Python callables) side by side. Rules run column by column over CSV or
//! Parquet data, streamed or held in memory ([`data`]); every [`Flag`] names the rule and
//! the values it fired on; flagged records are scored into review and escalation queues
//! ([`ReviewQueue`]). Every language rule also compiles to SQL ([`sql`]), so the same rules
//! run on a distributed SQL engine when one machine is no longer enough.
//!
//! ```
//! use lantero_fraudfinder::controls::{data::DataSets, Decision, RuleSet, Thresholds};
//!
//! let mut rules = RuleSet::parse("bistand", "2025.1", r#"
//!     rule "samma_konto" v1 on payments:
//!       count(distinct applicant_id) by (bank_account) >= 2 => score 60
//!     rule "stort_belopp" v1 on payments: amount > 30000 => score 30
//! "#)?;
//! rules.thresholds = Thresholds::new(50, 80)?;
//!
//! let mut data = DataSets::new();
//! let csv = "id,applicant_id,bank_account,amount\n\
//!            u1,a1,K1,9000\nu2,a2,K1,45000\nu3,a3,K2,12000\n";
//! data.load_csv("payments", csv.as_bytes(),
//!               "id:text, applicant_id:text, bank_account:text, amount:number".parse()?)?;
//! let report = rules.run(&mut data)?;
//! let queue = report.queue(rules.thresholds);
//! assert_eq!(queue.items[0].record, "u2"); // 60 + 30 points
//! assert_eq!(queue.items[0].decision, Decision::Escalate);
//! assert_eq!(queue.items[1].record, "u1");
//! println!("{}", queue.items[0].flags[0].explain());
//! # Ok::<(), lantero_fraudfinder::Error>(())
//! ```

pub mod data;
mod engine;
mod flag;
pub mod language;
mod queue;
mod rule;
mod ruleset;
pub mod sql;

pub use engine::{Plan, RuleSummary, RunReport};
pub use flag::{Evidence, Flag};
pub use queue::{Decision, QueueItem, ReviewQueue, Thresholds};
pub use rule::{CheckFn, ControlRule, FnRule, Hit, Record};
pub use ruleset::{ExpectedFlag, RULESET_SCHEMA, RuleChange, RuleEntry, RuleSet, TestRun};
pub use sql::Dialect;

/// The standard rules shipped with FraudFinder (`data/rules/grundregler.rules`): the
/// patterns of the seed texts over payments, income, personal assistance and association
/// grants. A municipality starts from these and versions its own changes.
pub fn standard_rules() -> crate::Result<RuleSet> {
    let mut rules = RuleSet::parse(
        "grundregler",
        "2025.1",
        include_str!("../../data/rules/grundregler.rules"),
    )?;
    rules.description = "Grundregler för kontroll av utbetalningar och ansökningar".into();
    Ok(rules)
}
