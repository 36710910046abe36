//! Parquet input: a payment file written as Snappy-compressed Parquet gives the same flags
//! as the CSV, streamed.

use std::fs::File;
use std::sync::Arc;

use lantero_fraudfinder::Error;
use lantero_fraudfinder::controls::data::{ColumnType, ParquetSource, day_number, parse_date};
use lantero_fraudfinder::controls::standard_rules;
use lantero_fraudfinder::sample::{Scenario, ScenarioOptions};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// Writes the generated payments as Parquet: texts as UTF8 byte arrays, amounts as
/// doubles, payment dates as `DATE`.
fn write_payments(scenario: &Scenario, path: &std::path::Path) {
    let file = scenario.file("payments").unwrap();
    let message = format!(
        "message payments {{ {} }}",
        file.schema
            .fields()
            .iter()
            .map(|f| match f.column_type {
                ColumnType::Number => format!("REQUIRED DOUBLE {};", f.name),
                ColumnType::Date => format!("REQUIRED INT32 {} (DATE);", f.name),
                _ => format!("REQUIRED BYTE_ARRAY {} (UTF8);", f.name),
            })
            .collect::<String>()
    );
    let schema = Arc::new(parse_message_type(&message).unwrap());
    let props = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build(),
    );
    let mut writer = SerializedFileWriter::new(File::create(path).unwrap(), schema, props).unwrap();
    let mut reader = csv::Reader::from_reader(file.csv.as_bytes());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut group = writer.next_row_group().unwrap();
    for (i, field) in file.schema.fields().iter().enumerate() {
        let mut column = group.next_column().unwrap().unwrap();
        match field.column_type {
            ColumnType::Number => {
                let values: Vec<f64> = records.iter().map(|r| r[i].parse().unwrap()).collect();
                column
                    .typed::<DoubleType>()
                    .write_batch(&values, None, None)
                    .unwrap();
            }
            ColumnType::Date => {
                let epoch = day_number(chrono::NaiveDate::from_ymd_opt(1970, 1, 1).unwrap());
                let values: Vec<i32> = records
                    .iter()
                    .map(|r| parse_date(&r[i]).unwrap() - epoch)
                    .collect();
                column
                    .typed::<Int32Type>()
                    .write_batch(&values, None, None)
                    .unwrap();
            }
            _ => {
                let values: Vec<ByteArray> = records
                    .iter()
                    .map(|r| ByteArray::from(r[i].as_bytes().to_vec()))
                    .collect();
                column
                    .typed::<ByteArrayType>()
                    .write_batch(&values, None, None)
                    .unwrap();
            }
        }
        column.close().unwrap();
    }
    group.close().unwrap();
    writer.close().unwrap();
}

#[test]
fn parquet_and_csv_give_the_same_flags() {
    let scenario = Scenario::generate(&ScenarioOptions {
        persons: 300,
        ..ScenarioOptions::default()
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("payments.parquet");
    write_payments(&scenario, &path);

    let rules = standard_rules().unwrap();
    let mut data = scenario.load().unwrap();
    let from_csv: Vec<_> = rules
        .run(&mut data)
        .unwrap()
        .flags
        .into_iter()
        .filter(|f| f.dataset == "payments")
        .collect();
    assert!(!from_csv.is_empty());

    let schema = scenario.file("payments").unwrap().schema.clone();
    let mut source = ParquetSource::open("payments", &path, schema).unwrap();
    let from_parquet = rules.run_stream(&mut data, &mut source).unwrap();
    assert_eq!(from_parquet.rows(), data.table("payments").unwrap().rows());
    assert_eq!(from_parquet.flags, from_csv);
}

#[test]
fn missing_columns_and_other_files_are_errors() {
    let scenario = Scenario::generate(&ScenarioOptions {
        persons: 40,
        ..ScenarioOptions::default()
    })
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("payments.parquet");
    write_payments(&scenario, &path);
    let err = ParquetSource::open("payments", &path, "id:text, belopp:number".parse().unwrap())
        .err()
        .unwrap();
    assert!(
        matches!(&err, Error::Data { column, .. } if column == "belopp"),
        "{err}"
    );
    let not_parquet = dir.path().join("payments.csv");
    std::fs::write(&not_parquet, "id\n1\n").unwrap();
    let err = ParquetSource::open("payments", &not_parquet, "id:text".parse().unwrap())
        .err()
        .unwrap();
    assert!(
        err.to_string().contains("not a readable Parquet file"),
        "{err}"
    );
    // A text column read as a number names the row and column.
    let mut source =
        ParquetSource::open("payments", &path, "kind:number".parse().unwrap()).unwrap();
    let mut interner = lantero_fraudfinder::controls::data::Interner::default();
    let err =
        lantero_fraudfinder::controls::data::BatchSource::next_batch(&mut source, &mut interner)
            .unwrap_err();
    assert!(err.to_string().contains("row 1, column \"kind\""), "{err}");
}
