//! A published report as a file: CSV (UTF-8 with a byte-order mark, so Excel reads the Danish
//! letters) or an Excel workbook with a header saying what the table is and what is hidden.

use std::collections::BTreeMap;

use nabo_core::report::suppress::Hidden;
use nabo_core::report::Cell;
use nabo_core::{GroupKind, Scheme};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

use crate::i18n::{Language, Localizer};
use crate::reports::ReportDoc;

fn args(pairs: &[(&str, String)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(k, v)| ((*k).to_string(), v.clone())).collect()
}

/// A scheme label in the localizer's language.
fn scheme_label(da: &str, en: &str, words: &Localizer) -> String {
    match words.language() {
        Language::Danish => da.to_string(),
        Language::English => en.to_string(),
    }
}

/// The words for a row's or column's key on `axis`.
pub fn key_label(axis: &str, key: Option<&str>, words: &Localizer) -> String {
    let Some(key) = key else { return words.message("report-no-area", &BTreeMap::new()) };
    match axis {
        "kind" => words.message(&format!("kind-{key}"), &BTreeMap::new()),
        "quarter" => match key.split_once("-Q") {
            Some((year, quarter)) => {
                words.message("report-quarter", &args(&[("year", year.into()), ("quarter", quarter.into())]))
            }
            None => key.to_string(),
        },
        "area" | "month" | "year" => key.to_string(),
        // A group's bucket: its own name (the title names the group).
        _ => bucket_label(key, words),
    }
}

/// The words for a bucket of a group (`gender.women` → "Women").
fn bucket_label(key: &str, words: &Localizer) -> String {
    let Some((group, bucket)) = key.split_once('.') else { return measure_label(key, words) };
    Scheme::current()
        .ok()
        .and_then(|s| s.groups.iter().find(|g| g.key == group))
        .and_then(|g| g.buckets.iter().find(|b| b.key == bucket))
        .map_or_else(|| key.to_string(), |b| scheme_label(&b.da, &b.en, words))
}

/// The words for a measure: a scheme key (`gender.women`), a group, `held` or `cancelled`.
pub fn measure_label(name: &str, words: &Localizer) -> String {
    let (head, tail) = match name.split_once('.') {
        Some((h, t)) => (h, Some(t)),
        None => (name, None),
    };
    if matches!(head, "held" | "cancelled") {
        return match tail {
            Some(k) => {
                let kind = words.message(&format!("kind-{k}"), &BTreeMap::new());
                words.message(&format!("report-measure-{head}-kind"), &args(&[("kind", kind)]))
            }
            None => words.message(&format!("report-measure-{head}"), &BTreeMap::new()),
        };
    }
    let Ok(scheme) = Scheme::current() else { return name.to_string() };
    let Some(group) = scheme.groups.iter().find(|g| g.key == head) else { return name.to_string() };
    let group_label = scheme_label(&group.da, &group.en, words);
    match tail.and_then(|t| group.buckets.iter().find(|b| b.key == t)) {
        Some(bucket) if group.kind != GroupKind::Total => {
            format!("{group_label}: {}", scheme_label(&bucket.da, &bucket.en, words))
        }
        _ => group_label,
    }
}

/// The words for an axis: `report-axis-<axis>`, or a scheme group's name.
pub fn axis_label(axis: &str, words: &Localizer) -> String {
    match axis {
        "area" | "kind" | "month" | "quarter" | "year" => {
            words.message(&format!("report-axis-{axis}"), &BTreeMap::new())
        }
        group => measure_label(group, words),
    }
}

/// A published cell as text: its value, "<5" or "x".
fn cell_text(cell: &Cell, min_cell: u64) -> String {
    match (cell.suppressed, cell.value) {
        (Some(Hidden::Primary), _) => format!("<{min_cell}"),
        (Some(Hidden::Secondary), _) => "x".to_string(),
        (None, Some(v)) => v.to_string(),
        (None, None) => String::new(),
    }
}

/// The table as lines of text cells: the header, the rows, the totals.
fn grid(doc: &ReportDoc, words: &Localizer) -> Vec<Vec<String>> {
    let none = BTreeMap::new();
    let t = &doc.table;
    let mut header = vec![axis_label(&doc.row_axis, words)];
    header.extend(t.cols.iter().map(|c| key_label(&doc.col_axis, c.as_deref(), words)));
    header.push(words.message("report-total", &none));
    let mut lines = vec![header];
    for ((row, cells), total) in t.rows.iter().zip(&t.cells).zip(&t.row_totals) {
        let mut line = vec![key_label(&doc.row_axis, row.as_deref(), words)];
        line.extend(cells.iter().map(|c| cell_text(c, t.min_cell)));
        line.push(cell_text(total, t.min_cell));
        lines.push(line);
    }
    let mut totals = vec![words.message("report-total", &none)];
    totals.extend(t.col_totals.iter().map(|c| cell_text(c, t.min_cell)));
    totals.push(cell_text(&t.total, t.min_cell));
    lines.push(totals);
    lines
}

/// The report as CSV: UTF-8 with a byte-order mark, the header line first, totals last.
pub fn csv(doc: &ReportDoc, words: &Localizer) -> Vec<u8> {
    let mut out = "\u{feff}".as_bytes().to_vec();
    for line in grid(doc, words) {
        let fields: Vec<String> = line
            .iter()
            .map(|f| {
                // RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
                if f.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", f.replace('"', "\"\""))
                } else {
                    f.clone()
                }
            })
            .collect();
        out.extend_from_slice(fields.join(",").as_bytes());
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// The header lines above the table: what it counts, the period, the scheme, the minimum cell
/// and the rule.
pub fn header_lines(doc: &ReportDoc, words: &Localizer) -> Vec<String> {
    vec![
        words.message(
            "report-title",
            &args(&[
                ("measure", measure_label(&doc.measure, words)),
                ("rows", axis_label(&doc.row_axis, words)),
                ("cols", axis_label(&doc.col_axis, words)),
            ]),
        ),
        words.message("report-period", &args(&[("from", doc.from.clone()), ("to", doc.to.clone())])),
        words.message("report-scheme", &args(&[("version", doc.scheme_version.clone())])),
        words.message("report-min-cell", &args(&[("min", doc.table.min_cell.to_string())])),
        words.message(
            "report-rule",
            &args(&[("min", doc.table.min_cell.to_string()), ("below", (doc.table.min_cell - 1).to_string())]),
        ),
    ]
}

/// The report as an Excel workbook: the header lines, then the table with numbers as numbers.
pub fn xlsx(doc: &ReportDoc, words: &Localizer) -> Result<Vec<u8>, String> {
    let build = || -> Result<Vec<u8>, XlsxError> {
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name(words.message("report-sheet", &BTreeMap::new()))?;
        let bold = Format::new().set_bold();
        let right = Format::new().set_align(FormatAlign::Right);
        let bold_right = Format::new().set_bold().set_align(FormatAlign::Right);
        let header = header_lines(doc, words);
        for (i, line) in header.iter().enumerate() {
            let row = u32::try_from(i).unwrap_or(u32::MAX);
            if i == 0 {
                sheet.write_string_with_format(row, 0, line, &bold)?;
            } else {
                sheet.write_string(row, 0, line)?;
            }
        }
        let first = u32::try_from(header.len() + 1).unwrap_or(u32::MAX);
        let t = &doc.table;
        let lines = grid(doc, words);
        let last_line = lines.len().saturating_sub(1);
        for (i, line) in lines.iter().enumerate() {
            let row = first + u32::try_from(i).unwrap_or(u32::MAX);
            let is_edge = i == 0 || i == last_line;
            for (j, text) in line.iter().enumerate() {
                let col = u16::try_from(j).unwrap_or(u16::MAX);
                // The numbers themselves (not their text) so that Excel can sum them.
                let cell = match (i, j) {
                    (0, _) | (_, 0) => None,
                    (i, j) if i == last_line => {
                        if j <= t.col_totals.len() {
                            t.col_totals.get(j - 1)
                        } else {
                            Some(&t.total)
                        }
                    }
                    (i, j) => {
                        let r = i - 1;
                        if j <= t.cols.len() {
                            t.cells.get(r).and_then(|c| c.get(j - 1))
                        } else {
                            t.row_totals.get(r)
                        }
                    }
                };
                let format = if is_edge || j == 0 || j == line.len() - 1 { &bold_right } else { &right };
                match cell.and_then(|c| c.value) {
                    Some(v) => {
                        sheet.write_number_with_format(row, col, v as f64, format)?;
                    }
                    None if j == 0 || i == 0 => {
                        sheet.write_string_with_format(row, col, text, &bold)?;
                    }
                    None => {
                        sheet.write_string_with_format(row, col, text, format)?;
                    }
                }
            }
        }
        sheet.set_column_width(0, 28)?;
        for j in 1..=u16::try_from(t.cols.len() + 1).unwrap_or(u16::MAX) {
            sheet.set_column_width(j, 12)?;
        }
        book.save_to_buffer()
    };
    build().map_err(|e| e.to_string())
}
