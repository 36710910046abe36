//! `lantero.identifiers`: personnummer, samordningsnummer and organisationsnummer.

use chrono::NaiveDate;
use lantero_core::identifiers::{self as core, OrganisationId, ParseOptions};
use pyo3::prelude::*;

use crate::convert::name_of;
use crate::errors::IntoPyResult;

/// A checked personnummer or samordningsnummer.
///
/// ``Personnummer("19121212-1212")`` parses ``YYMMDD-NNNC``, ``YYMMDD+NNNC``, ``YYYYMMDD-NNNC``
/// and the forms without separator, inferring the century of 10-digit forms against
/// ``reference`` (default: today). Raises ``InvalidIdentifier`` naming the input and the
/// problem.
///
/// >>> Personnummer("121212-1212").format_long()
/// '19121212-1212'
#[pyclass(frozen, eq, ord, hash, module = "lantero.identifiers")]
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Personnummer(pub core::Personnummer);

#[pymethods]
impl Personnummer {
    #[new]
    #[pyo3(signature = (text, *, reference=None, allow_interim=false, ignore_whitespace=false))]
    fn new(
        text: &str,
        reference: Option<NaiveDate>,
        allow_interim: bool,
        ignore_whitespace: bool,
    ) -> PyResult<Self> {
        let options = ParseOptions {
            allow_interim,
            ignore_whitespace,
        };
        let reference = reference.unwrap_or_else(today);
        core::Personnummer::parse_with(text, reference, options)
            .py()
            .map(Self)
    }

    /// Parses after removing all whitespace (``"850709 9805"``); interim numbers are refused.
    #[staticmethod]
    fn parse_lenient(text: &str) -> PyResult<Self> {
        core::Personnummer::parse_lenient(text).py().map(Self)
    }

    /// The number for a date of birth and serial (1–999), computing the check digit; with
    /// ``samordningsnummer`` the written day is the real day + 60.
    #[staticmethod]
    #[pyo3(signature = (birth_date, serial, samordningsnummer=false))]
    fn from_parts(birth_date: NaiveDate, serial: u16, samordningsnummer: bool) -> PyResult<Self> {
        core::Personnummer::from_parts(birth_date, serial, samordningsnummer)
            .py()
            .map(Self)
    }

    /// The real date of birth (for a samordningsnummer without the 60).
    #[getter]
    fn birth_date(&self) -> NaiveDate {
        self.0.birth_date()
    }

    /// The legal sex, ``"female"`` or ``"male"``.
    #[getter]
    fn sex(&self) -> String {
        name_of(&self.0.sex())
    }

    /// Whether this is a samordningsnummer (day of birth + 60).
    #[getter]
    fn is_samordningsnummer(&self) -> bool {
        self.0.is_samordningsnummer()
    }

    /// Whether this is an interim number (a letter in the serial number).
    #[getter]
    fn is_interim(&self) -> bool {
        self.0.is_interim()
    }

    /// Age in whole years on ``date``, or ``None`` before the date of birth.
    fn age_at(&self, date: NaiveDate) -> Option<u32> {
        self.0.age_at(date)
    }

    /// ``YYMMDD-NNNC`` as written on ``reference`` (``+`` from the year the person turns 100).
    #[pyo3(signature = (reference=None))]
    fn format_short(&self, reference: Option<NaiveDate>) -> String {
        self.0.format_short_at(reference.unwrap_or_else(today))
    }

    /// ``YYYYMMDD-NNNC``, the unambiguous form (also what ``str()`` gives).
    fn format_long(&self) -> String {
        self.0.format_long()
    }

    /// The 12 characters ``YYYYMMDDNNNC``.
    fn digits(&self) -> String {
        self.0.digits()
    }

    /// The 10 characters ``YYMMDDNNNC``.
    fn short_digits(&self) -> String {
        self.0.short_digits()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Personnummer('{}')", self.0)
    }
}

/// A checked organisationsnummer of a legal entity.
///
/// ``Organisationsnummer("556016-0680")`` accepts ``NNNNNN-NNNC``, ``NNNNNNNNNC`` and the
/// 12-digit forms with prefix ``16``. A personnummer (sole trader) is refused; use
/// ``parse_organisation_id`` for either.
#[pyclass(frozen, eq, ord, hash, module = "lantero.identifiers")]
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Organisationsnummer(pub core::Organisationsnummer);

#[pymethods]
impl Organisationsnummer {
    #[new]
    fn new(text: &str) -> PyResult<Self> {
        core::Organisationsnummer::parse(text).py().map(Self)
    }

    /// Parses after removing all whitespace.
    #[staticmethod]
    fn parse_lenient(text: &str) -> PyResult<Self> {
        core::Organisationsnummer::parse_lenient(text)
            .py()
            .map(Self)
    }

    /// The kind of legal entity from the first digit, e.g. ``"aktiebolag"``; ``None`` for 0 and 4.
    #[getter]
    fn group(&self) -> Option<String> {
        self.0.group().map(|g| name_of(&g))
    }

    /// The group's Swedish label, e.g. ``"aktiebolag"``.
    #[getter]
    fn group_label(&self) -> Option<&'static str> {
        self.0.group().map(|g| g.label_sv())
    }

    /// The 10 digits ``NNNNNNNNNC``.
    fn digits(&self) -> String {
        self.0.digits()
    }

    /// The 12 digits ``16NNNNNNNNNC``.
    fn long_digits(&self) -> String {
        self.0.long_digits()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Organisationsnummer('{}')", self.0)
    }
}

/// A business's number: an ``Organisationsnummer``, or for a sole trader (enskild firma) the
/// owner's ``Personnummer``, told apart by the third digit.
#[pyfunction]
#[pyo3(signature = (text, *, reference=None, lenient=false))]
fn parse_organisation_id(
    py: Python<'_>,
    text: &str,
    reference: Option<NaiveDate>,
    lenient: bool,
) -> PyResult<Py<PyAny>> {
    let reference = reference.unwrap_or_else(today);
    let id = if lenient {
        OrganisationId::parse_lenient_at(text, reference)
    } else {
        OrganisationId::parse_at(text, reference)
    }
    .py()?;
    Ok(match id {
        OrganisationId::LegalEntity(org) => Organisationsnummer(org)
            .into_pyobject(py)?
            .into_any()
            .unbind(),
        OrganisationId::EnskildFirma(pnr) => {
            Personnummer(pnr).into_pyobject(py)?.into_any().unbind()
        }
    })
}

/// Whether ``text`` is a personnummer or samordningsnummer ``Personnummer(text)`` would accept
/// on ``reference`` (default today).
#[pyfunction]
#[pyo3(signature = (text, reference=None))]
fn is_valid_personnummer(text: &str, reference: Option<NaiveDate>) -> bool {
    match reference {
        Some(date) => core::is_valid_personnummer_at(text, date),
        None => core::is_valid_personnummer(text),
    }
}

/// Whether ``text`` is a legal entity's organisationsnummer.
#[pyfunction]
fn is_valid_organisationsnummer(text: &str) -> bool {
    core::is_valid_organisationsnummer(text)
}

/// Whether the last digit of ``digits`` is the Luhn check digit of the ones before it.
#[pyfunction]
fn luhn_is_valid(digits: &str) -> bool {
    core::luhn::is_valid(digits.as_bytes())
}

/// The Luhn check digit (0–9) that completes ``payload``; ``None`` if it holds a non-digit.
#[pyfunction]
fn luhn_check_digit(payload: &str) -> Option<u8> {
    core::luhn::check_digit(payload.as_bytes())
}

fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Builds the `lantero.identifiers` module.
pub fn module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    let m = PyModule::new(py, "lantero.identifiers")?;
    m.add_class::<Personnummer>()?;
    m.add_class::<Organisationsnummer>()?;
    m.add_function(wrap_pyfunction!(parse_organisation_id, &m)?)?;
    m.add_function(wrap_pyfunction!(is_valid_personnummer, &m)?)?;
    m.add_function(wrap_pyfunction!(is_valid_organisationsnummer, &m)?)?;
    m.add_function(wrap_pyfunction!(luhn_is_valid, &m)?)?;
    m.add_function(wrap_pyfunction!(luhn_check_digit, &m)?)?;
    Ok(m)
}
