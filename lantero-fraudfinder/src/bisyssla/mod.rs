//! Bisysslor: a register of employees' secondary occupations, checked against sensitive
//! roles (permits, building permits, procurement, payments) and the supplier register.

mod findings;
mod register;

pub use findings::{CHECK_INTERVAL_MONTHS, Finding};
pub use register::{Bisyssla, BisysslaRegister, Decision, Employee, SensitiveRole, Supplier};
