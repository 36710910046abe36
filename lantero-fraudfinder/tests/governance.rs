//! Responsibility-matrix conflicts, bisyssla conflicts and the background-check workflow,
//! each also with clean input that must give no findings.

use chrono::NaiveDate;
use lantero_core::identifiers::Organisationsnummer;
use lantero_fraudfinder::Error;
use lantero_fraudfinder::background_check::*;
use lantero_fraudfinder::bisyssla::{
    self, Bisyssla, BisysslaRegister, Decision, Employee, Supplier,
};
use lantero_fraudfinder::responsibility::{
    ConflictRule, Finding, PaymentArea, ResponsibilityMatrix, Role,
};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap()
}

fn full_area(id: &str) -> PaymentArea {
    PaymentArea::new(id, format!("Område {id}"))
        .with(Role::BudgetOwner, "Chef")
        .with(Role::PaymentDecision, "Handläggare")
        .with(Role::PaymentExecution, "Ekonomiassistent")
        .with(Role::OngoingControl, "Controller")
        .with(Role::FollowUp, "Nämnden")
}

#[test]
fn a_well_divided_matrix_has_no_findings() {
    let mut matrix = ResponsibilityMatrix::new();
    matrix.add(full_area("a")).unwrap();
    matrix
        .add(full_area("b").with(Role::OngoingControl, "Internrevisor"))
        .unwrap();
    assert_eq!(matrix.findings(), vec![]);
    assert!(matches!(
        matrix.add(full_area("a")),
        Err(Error::Duplicate { .. })
    ));
}

#[test]
fn missing_roles_and_every_conflict_are_found() {
    let mut matrix = ResponsibilityMatrix::new();
    let mut area = PaymentArea::new("fs", "Försörjningsstöd")
        .with(Role::PaymentDecision, "Anna")
        .with(Role::PaymentExecution, " ANNA ")
        .with(Role::OngoingControl, "anna")
        .with(Role::FollowUp, "Anna");
    area.assign(Role::BudgetOwner, "   ");
    matrix.add(area).unwrap();
    let findings = matrix.findings();
    assert_eq!(
        findings[0],
        Finding::MissingRole {
            area: "Försörjningsstöd".into(),
            role: Role::BudgetOwner
        },
        "a blank name does not fill a role"
    );
    let conflicts: Vec<[Role; 2]> = findings
        .iter()
        .filter_map(|f| match f {
            Finding::ConflictingRoles { roles, .. } => Some(*roles),
            Finding::MissingRole { .. } => None,
        })
        .collect();
    assert_eq!(
        conflicts,
        [
            [Role::PaymentDecision, Role::PaymentExecution],
            [Role::PaymentDecision, Role::OngoingControl],
            [Role::PaymentExecution, Role::OngoingControl],
            [Role::PaymentDecision, Role::FollowUp],
        ]
    );
    assert!(
        findings[1]
            .to_string()
            .contains("beslutar om och genomför samma utbetalningar")
    );
    // A municipality can set its own rules, e.g. also keep budget and control apart.
    let mut matrix = ResponsibilityMatrix::new();
    matrix
        .add(full_area("x").with(Role::OngoingControl, "Chef"))
        .unwrap();
    let rules = vec![ConflictRule {
        first: Role::BudgetOwner,
        second: Role::OngoingControl,
        reason: "granskar sin egen budget".into(),
    }];
    assert_eq!(matrix.findings_with(&rules).len(), 1);
    assert_eq!(matrix.findings().len(), 0);
}

fn employees() -> BisysslaRegister {
    let mut register = BisysslaRegister::new();
    register.add_sensitive_role("Bygglovshandläggare", "Beslutar om bygglov");
    register.add_sensitive_role("Upphandlare", "Beslutar i upphandlingar");
    for (id, role) in [
        ("e1", "bygglovshandläggare"),
        ("e2", "Upphandlare"),
        ("e3", "Ekonom"),
    ] {
        register
            .add_employee(Employee {
                id: id.into(),
                name: id.into(),
                role: role.into(),
                unit: String::new(),
                last_checked: Some(day(3, 1)),
            })
            .unwrap();
    }
    register
}

fn bisyssla(
    id: &str,
    employee: &str,
    org: &str,
    number: Option<&str>,
    decision: Decision,
) -> Bisyssla {
    Bisyssla {
        id: id.into(),
        employee: employee.into(),
        description: "Styrelseuppdrag".into(),
        organisation: Some(org.into()),
        organisationsnummer: number.map(|n| Organisationsnummer::parse(n).unwrap()),
        reported: day(2, 1),
        decision,
    }
}

fn suppliers() -> Vec<Supplier> {
    vec![
        Supplier {
            name: "Norrbygg AB".into(),
            organisationsnummer: Some(Organisationsnummer::parse("556036-0793").unwrap()),
        },
        Supplier {
            name: "Städ & Fönster i Väst HB".into(),
            organisationsnummer: None,
        },
    ]
}

#[test]
fn bisysslor_without_conflicts_give_no_findings() {
    let mut register = employees();
    register
        .add(bisyssla(
            "b1",
            "e1",
            "Fotbollsklubben IK",
            None,
            Decision::Approved,
        ))
        .unwrap();
    register
        .add(bisyssla(
            "b2",
            "e3",
            "Norrbygg AB",
            Some("556036-0793"),
            Decision::Denied,
        ))
        .unwrap();
    assert_eq!(register.findings(&suppliers(), day(9, 1)), vec![]);
}

#[test]
fn bisyssla_conflicts_by_number_name_role_and_check() {
    let mut register = employees();
    // Matched by organisationsnummer although the name differs.
    register
        .add(bisyssla(
            "b1",
            "e1",
            "NB Holding",
            Some("556036-0793"),
            Decision::Approved,
        ))
        .unwrap();
    // Matched by name without company form, in a non-sensitive role.
    register
        .add(bisyssla(
            "b2",
            "e3",
            "STÄD & FÖNSTER I VÄST",
            None,
            Decision::Approved,
        ))
        .unwrap();
    // Sensitive role, undecided.
    register
        .add(bisyssla("b3", "e2", "Konsultbyrå", None, Decision::Pending))
        .unwrap();
    register.checked("e2", day(1, 10)).unwrap();
    let findings = register.findings(&suppliers(), NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
    use bisyssla::Finding as F;
    assert!(findings.contains(&F::SupplierConflict {
        employee: "e1".into(),
        bisyssla: "b1".into(),
        supplier: "Norrbygg AB".into(),
        sensitive_role: true
    }));
    assert!(findings.contains(&F::SupplierConflict {
        employee: "e3".into(),
        bisyssla: "b2".into(),
        supplier: "Städ & Fönster i Väst HB".into(),
        sensitive_role: false
    }));
    assert!(findings.contains(&F::UndecidedInSensitiveRole {
        employee: "e2".into(),
        bisyssla: "b3".into(),
        role: "Upphandlare".into()
    }));
    assert!(findings.contains(&F::CheckOverdue {
        employee: "e1".into(),
        role: "Bygglovshandläggare".into(),
        last_checked: Some(day(3, 1))
    }));
    assert_eq!(findings.len(), 5, "{findings:#?}"); // and e2's check is overdue too
    assert!(matches!(
        register.add(bisyssla("b9", "okänd", "X", None, Decision::Pending)),
        Err(Error::NotFound { .. })
    ));
}

fn position(value: ProtectionValue) -> Position {
    Position {
        id: "p".into(),
        title: "Upphandlingschef".into(),
        protection_value: value,
        reason: "Beslutar i upphandlingar".into(),
    }
}

fn step(kind: CheckKind, date: NaiveDate) -> CheckStep {
    CheckStep {
        kind,
        date,
        performed_by: "HR".into(),
        outcome: StepOutcome::NoRemarks,
        note: None,
    }
}

#[test]
fn background_checks_need_high_protection_value_and_consent() {
    assert!(matches!(
        BackgroundCheck::start("b", position(ProtectionValue::Normal), "Ans 1"),
        Err(Error::NotAllowed { .. })
    ));
    let mut check = BackgroundCheck::start("b", position(ProtectionValue::High), "Ans 1").unwrap();
    assert_eq!(check.status(), Status::AwaitingConsent);
    assert!(check.record(step(CheckKind::Identity, day(8, 2))).is_err());
    check
        .consent(Consent {
            given: day(8, 1),
            informed_by: "HR".into(),
            scope: vec![CheckKind::Identity, CheckKind::CriminalRecord],
        })
        .unwrap();
    let err = check
        .record(step(CheckKind::SocialMedia, day(8, 2)))
        .unwrap_err();
    assert!(
        err.to_string().contains("does not cover Sociala medier"),
        "{err}"
    );
    assert!(
        check.record(step(CheckKind::Identity, day(7, 30))).is_err(),
        "before consent"
    );
    check.record(step(CheckKind::Identity, day(8, 2))).unwrap();
    assert!(
        check.record(step(CheckKind::Identity, day(8, 3))).is_err(),
        "twice"
    );
    assert!(
        check
            .decide(Recommendation::Proceed, day(8, 5), "Chef")
            .is_err(),
        "criminal record missing"
    );
}

#[test]
fn the_criminal_record_content_is_never_stored() {
    let mut check = BackgroundCheck::start("b", position(ProtectionValue::High), "Ans 2").unwrap();
    check
        .consent(Consent {
            given: day(8, 1),
            informed_by: "HR".into(),
            scope: vec![CheckKind::CriminalRecord],
        })
        .unwrap();
    let mut with_content = step(CheckKind::CriminalRecord, day(8, 2));
    with_content.note = Some("Dömd för bedrägeri 2019".into());
    assert!(
        check
            .record(with_content)
            .unwrap_err()
            .to_string()
            .contains("never its content")
    );
    let mut outcome = step(CheckKind::CriminalRecord, day(8, 2));
    outcome.outcome = StepOutcome::Remarks;
    check.record(outcome).unwrap();
    assert!(
        check
            .decide(Recommendation::DoNotProceed, day(8, 3), "Chef")
            .is_err(),
        "extract not destroyed"
    );
    check.extract_destroyed(day(8, 3)).unwrap();
    check
        .decide(Recommendation::DoNotProceed, day(8, 3), "Chef")
        .unwrap();
    assert_eq!(check.decision(), Some(Recommendation::DoNotProceed));
    let json = serde_json::to_string(&check).unwrap();
    assert!(!json.contains("bedrägeri"));
    assert!(
        check
            .documentation()
            .iter()
            .any(|l| l.contains("med anmärkning"))
    );
    assert!(
        check.withdraw(day(8, 4)).is_err(),
        "completed checks stay closed"
    );
}
