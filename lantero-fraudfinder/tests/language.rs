//! The rule language as a parser of outside input: typed errors with positions, no panics
//! on any input, and canonical text that parses back to the same rules.

use lantero_fraudfinder::Error;
use lantero_fraudfinder::controls::RuleSet;
use lantero_fraudfinder::controls::data::DataSets;
use lantero_fraudfinder::controls::language::{
    BinaryOp, Body, Expr, Literal, ParseErrorKind, RuleDef, UnaryOp, parse, parse_expr,
};
use proptest::prelude::*;

#[test]
fn errors_carry_line_column_and_kind() {
    let source = "rule \"a\" v1 on payments: amount > 1 => score 5\n\nrule \"b\" on payments:\n  amount > => score 3";
    let err = parse(source).unwrap_err();
    assert_eq!((err.position.line, err.position.column), (4, 12));
    assert!(
        matches!(err.kind, ParseErrorKind::Unexpected { .. }),
        "{err}"
    );

    type IsExpected = fn(&ParseErrorKind) -> bool;
    let cases: [(&str, IsExpected); 8] = [
        ("rule \"a\" v0 on p: x > 1 => score 1", |k| {
            matches!(k, ParseErrorKind::BadVersion(_))
        }),
        ("rule \"a\" on p: lower(x) => score 1", |k| {
            matches!(k, ParseErrorKind::UnknownFunction(_))
        }),
        ("rule \"a\" on p: matches(x, \"(\") => score 1", |k| {
            matches!(k, ParseErrorKind::BadRegex(_))
        }),
        ("rule \"a\" on p: matches(x, y) => score 1", |k| {
            matches!(k, ParseErrorKind::BadArguments { .. })
        }),
        (
            "rule \"a\" on p: x > 1 => score 1 rule \"a\" on p: x > 2 => score 1",
            |k| matches!(k, ParseErrorKind::DuplicateRule(_)),
        ),
        ("rule \"a\" on p: x > 1 € => score 1", |k| {
            matches!(k, ParseErrorKind::UnexpectedCharacter('€'))
        }),
        ("rule \"a on p", |k| {
            matches!(k, ParseErrorKind::UnterminatedString)
        }),
        ("rule \"a\" on p: x > 1 => score 1.5", |k| {
            matches!(k, ParseErrorKind::Unexpected { .. })
        }),
    ];
    for (source, is_expected) in cases {
        let err = parse(source).unwrap_err();
        assert!(is_expected(&err.kind), "{source}: {err}");
    }
}

#[test]
fn hostile_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}x{}", "(".repeat(10_000), ")".repeat(10_000));
    assert!(matches!(
        parse_expr(&deep).unwrap_err().kind,
        ParseErrorKind::TooDeep
    ));
    let chain = vec!["x > 1"; 5_000].join(" and ");
    assert!(matches!(
        parse_expr(&chain).unwrap_err().kind,
        ParseErrorKind::TooDeep
    ));
    let nots = format!("{}x", "not ".repeat(5_000));
    assert!(matches!(
        parse_expr(&nots).unwrap_err().kind,
        ParseErrorKind::TooDeep
    ));
    // Ordinary long rules are fine.
    assert!(parse_expr(&vec!["x > 1"; 60].join(" or ")).is_ok());
}

#[test]
fn rules_that_do_not_fit_the_data_are_rejected_by_name() {
    let mut data = DataSets::new();
    data.load_csv(
        "payments",
        "id,amount,kind,paid\nu1,10,a,2025-01-01\n".as_bytes(),
        "id:text, amount:number, kind:text, paid:date"
            .parse()
            .unwrap(),
    )
    .unwrap();
    let cases = [
        ("kind > \"a\"", "compare only with == and !="),
        ("amount == \"a\"", "cannot compare number with text"),
        ("belopp > 1", "has no column \"belopp\""),
        ("matches(amount, \"1\")", "matches() needs a text"),
        ("paid > \"2025-13-01\"", "is not a date"),
        ("amount + 1", "not yes/no"),
        ("other.amount > 1", "neither the rule's data set"),
    ];
    for (condition, message) in cases {
        let rules = RuleSet::parse(
            "t",
            "1",
            &format!("rule \"r\" on payments: {condition} => score 1"),
        )
        .unwrap();
        match rules.run(&mut data) {
            Err(Error::RuleInvalid { rule, reason }) => {
                assert_eq!(rule, "r");
                assert!(reason.contains(message), "{condition}: {reason}");
            }
            other => panic!("{condition}: expected RuleInvalid, got {other:?}"),
        }
    }
    let self_join = RuleSet::parse(
        "t",
        "1",
        "rule \"r\" on payments join payments on id: amount > 1 => score 1",
    )
    .unwrap();
    assert!(matches!(
        self_join.run(&mut data),
        Err(Error::RuleInvalid { .. })
    ));
    let missing = RuleSet::parse("t", "1", "rule \"r\" on income: amount > 1 => score 1").unwrap();
    assert!(matches!(
        missing.run(&mut data),
        Err(Error::NotFound {
            what: "data set",
            ..
        })
    ));
    // Dates compare with date strings.
    let dates = RuleSet::parse(
        "t",
        "1",
        "rule \"r\" on payments: paid >= \"2025-01-01\" => score 1",
    )
    .unwrap();
    assert_eq!(dates.run(&mut data).unwrap().flags.len(), 1);
}

fn name() -> impl Strategy<Value = String> {
    "[a-z_][a-z0-9_]{0,8}".prop_filter("not a keyword", |n| {
        ![
            "rule", "on", "join", "as", "where", "by", "and", "or", "not", "in", "score", "reason",
            "true", "false", "distinct", "count", "sum", "avg", "min", "max", "matches", "is_null",
            "abs",
        ]
        .contains(&n.as_str())
            && !n.starts_with('v')
    })
}

fn literal() -> impl Strategy<Value = Literal> {
    prop_oneof![
        (-1.0e9..1.0e9f64).prop_map(Literal::Number),
        (0u32..100_000).prop_map(|n| Literal::Number(f64::from(n))),
        "[ -~åäöÅÄÖ\"\\\\\n]{0,12}".prop_map(Literal::Text),
        any::<bool>().prop_map(Literal::Bool),
    ]
}

fn expr() -> impl Strategy<Value = Expr> {
    let leaf = prop_oneof![
        literal().prop_map(|value| Expr::Literal { value }),
        (proptest::option::of(name()), name())
            .prop_map(|(qualifier, name)| Expr::Column { qualifier, name }),
    ];
    leaf.prop_recursive(4, 32, 3, |inner| {
        let op = prop_oneof![
            Just(BinaryOp::Or),
            Just(BinaryOp::And),
            Just(BinaryOp::Eq),
            Just(BinaryOp::Ne),
            Just(BinaryOp::Lt),
            Just(BinaryOp::Le),
            Just(BinaryOp::Gt),
            Just(BinaryOp::Ge),
            Just(BinaryOp::Add),
            Just(BinaryOp::Sub),
            Just(BinaryOp::Mul),
            Just(BinaryOp::Div),
        ];
        prop_oneof![
            (op, inner.clone(), inner.clone()).prop_map(|(op, l, r)| Expr::Binary {
                op,
                left: Box::new(l),
                right: Box::new(r)
            }),
            (
                prop_oneof![Just(UnaryOp::Not), Just(UnaryOp::Neg)],
                inner.clone()
            )
                .prop_map(|(op, e)| Expr::Unary {
                    op,
                    expr: Box::new(e)
                }),
            (
                inner.clone(),
                proptest::collection::vec(literal(), 1..4),
                any::<bool>()
            )
                .prop_map(|(e, list, negated)| Expr::In {
                    expr: Box::new(e),
                    list,
                    negated
                }),
            inner.prop_map(|e| Expr::Call {
                function: lantero_fraudfinder::controls::language::Function::IsNull,
                args: vec![e]
            }),
        ]
    })
}

/// Unary minus on a literal number is read back as a negative literal, so compare trees
/// with that folded.
fn fold(e: Expr) -> Expr {
    match e {
        Expr::Unary {
            op: UnaryOp::Neg,
            expr,
        } => match fold(*expr) {
            Expr::Literal {
                value: Literal::Number(n),
            } if n >= 0.0 && !(n == 0.0 && n.is_sign_negative()) => Expr::Literal {
                value: Literal::Number(-n),
            },
            other => Expr::Unary {
                op: UnaryOp::Neg,
                expr: Box::new(other),
            },
        },
        Expr::Unary { op, expr } => Expr::Unary {
            op,
            expr: Box::new(fold(*expr)),
        },
        Expr::Binary { op, left, right } => Expr::Binary {
            op,
            left: Box::new(fold(*left)),
            right: Box::new(fold(*right)),
        },
        Expr::In {
            expr,
            list,
            negated,
        } => Expr::In {
            expr: Box::new(fold(*expr)),
            list,
            negated,
        },
        Expr::Call { function, args } => Expr::Call {
            function,
            args: args.into_iter().map(fold).collect(),
        },
        leaf => leaf,
    }
}

proptest! {
    #[test]
    fn parsing_never_panics(source in "\\PC{0,200}") {
        let _ = parse(&source);
        let _ = parse_expr(&source);
    }

    #[test]
    fn token_soup_never_panics(tokens in proptest::collection::vec(prop_oneof![
        Just("rule"), Just("\"r\""), Just("v2"), Just("on"), Just("p"), Just("join"), Just("as"),
        Just("where"), Just(":"), Just("=>"), Just("score"), Just("10"), Just("by"), Just("("),
        Just(")"), Just(","), Just("count"), Just("distinct"), Just("sum"), Just("x"), Just("."),
        Just("and"), Just("or"), Just("not"), Just("in"), Just(">="), Just("=="), Just("-"),
        Just("*"), Just("matches"), Just("\"^a\""), Just("reason"), Just(";"), Just("#c\n"),
    ], 0..40)) {
        let source = tokens.join(" ");
        if let Err(err) = parse(&source) {
            prop_assert!(err.position.line >= 1 && err.position.column >= 1);
            prop_assert!(!err.to_string().is_empty());
        }
    }

    #[test]
    fn canonical_text_parses_back(e in expr(), name in "[ -~åäö]{1,10}", dataset in name(), score in 0u32..1000, version in 1u32..50) {
        let rule = RuleDef {
            name, version, dataset, join: None, filter: None,
            body: Body::Row { condition: e.clone() }, score, reason: Some("Skäl \"citat\"".into()), position: None,
        };
        let parsed = parse(&rule.to_string()).map_err(|err| TestCaseError::fail(format!("{err}\n{rule}")))?;
        prop_assert_eq!(parsed.len(), 1);
        let Body::Row { condition } = &parsed[0].body else { return Err(TestCaseError::fail("not a row rule")) };
        prop_assert_eq!(condition, &fold(e));
        prop_assert_eq!(&parsed[0].name, &rule.name);
        prop_assert_eq!((parsed[0].version, parsed[0].score), (version, score));
        prop_assert_eq!(&parsed[0].reason, &rule.reason);
    }
}
