//! Statement dates with their precision and the basis for them.
//!
//! Two of the five statements have no exact date (a letter with an illegible day,
//! an undated web page), so a date is a range plus the words on the page plus the
//! reasoning, never a bare day.

use serde::Serialize;
use std::fmt;

/// A calendar day, ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct YearMonthDay {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl YearMonthDay {
    /// Parses `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<YearMonthDay> {
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = YearMonthDay { year: y.parse().ok()?, month: m.parse().ok()?, day: d.parse().ok()? };
        (1..=12).contains(&date.month).then_some(())?;
        (1..=31).contains(&date.day).then_some(date)
    }

    /// `2017-09-21`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The English month name.
    pub fn month_name(self) -> &'static str {
        MONTHS[usize::from(self.month.clamp(1, 12)) - 1]
    }
}

impl fmt::Display for YearMonthDay {
    /// `21 September 2017`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.day, self.month_name(), self.year)
    }
}

/// How precisely a statement's date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// The document gives the day.
    Day,
    /// The document gives the month; the day is uncertain within the range.
    Month,
    /// The document gives no date; the range is inferred from its contents.
    Inferred,
    /// No date at all (a reader's own statement given without one); sorts last.
    Undated,
}

/// A statement's date: the words on the page, the range they allow, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateInfo {
    /// The date as the document writes it (or "undated").
    pub written: String,
    pub earliest: YearMonthDay,
    pub latest: YearMonthDay,
    pub precision: Precision,
    /// How the date or range was established.
    pub basis: String,
}

impl DateInfo {
    /// Builds a date from its front-matter fields; the error says which one is wrong.
    pub fn from_fields(
        written: String,
        earliest: &str,
        latest: &str,
        precision: &str,
        basis: String,
    ) -> Result<Self, String> {
        let earliest = YearMonthDay::parse(earliest).ok_or(format!("date_earliest `{earliest}` is not YYYY-MM-DD"))?;
        let latest = YearMonthDay::parse(latest).ok_or(format!("date_latest `{latest}` is not YYYY-MM-DD"))?;
        if latest < earliest {
            return Err("date_latest is before date_earliest".into());
        }
        let precision = match precision {
            "day" => Precision::Day,
            "month" => Precision::Month,
            "inferred" => Precision::Inferred,
            other => return Err(format!("date_precision `{other}` is not day, month or inferred")),
        };
        if precision == Precision::Day && earliest != latest {
            return Err("a date with day precision must have date_earliest equal to date_latest".into());
        }
        Ok(DateInfo { written, earliest, latest, precision, basis })
    }

    /// A short label for lists and column heads: "21 Sep 2017", "Nov 2017, day uncertain".
    /// It has no parentheses of its own, so it can be put in parentheses after a title.
    pub fn short_label(&self) -> String {
        let e = self.earliest;
        match self.precision {
            Precision::Day => format!("{} {} {}", e.day, &e.month_name()[..3], e.year),
            Precision::Month => format!("{} {}, day uncertain", &e.month_name()[..3], e.year),
            Precision::Inferred => format!("Undated, after {} {} {}", e.day, &e.month_name()[..3], e.year),
            Precision::Undated => "No date given".into(),
        }
    }

    /// The full reading: what the page says and the range it allows.
    pub fn long_label(&self) -> String {
        match self.precision {
            Precision::Day => self.earliest.to_string(),
            Precision::Month => format!("“{}”: between {} and {}", self.written, self.earliest, self.latest),
            Precision::Inferred => format!("{}: inferred between {} and {}", self.written, self.earliest, self.latest),
            Precision::Undated => "No date given".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders_days() {
        let a = YearMonthDay::parse("2017-11-20").unwrap();
        let b = YearMonthDay::parse("2019-10-04").unwrap();
        assert!(a < b);
        assert_eq!(a.to_string(), "20 November 2017");
        assert_eq!(b.iso(), "2019-10-04");
        for bad in ["2017-13-01", "17-11-20", "2017-11-32", "2017-11", "x"] {
            assert_eq!(YearMonthDay::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn precision_is_checked_against_the_range() {
        assert!(DateInfo::from_fields("x".into(), "2020-01-01", "2020-01-02", "day", "b".into()).is_err());
        assert!(DateInfo::from_fields("x".into(), "2020-01-02", "2020-01-01", "month", "b".into()).is_err());
        let d =
            DateInfo::from_fields("2? November 2017".into(), "2017-11-20", "2017-11-29", "month", "b".into()).unwrap();
        assert_eq!(d.short_label(), "Nov 2017, day uncertain");
        assert_eq!(d.long_label(), "“2? November 2017”: between 20 November 2017 and 29 November 2017");
    }

    #[test]
    fn short_labels_nest_in_parentheses() {
        // The reader's statement choice writes "Wallace letter (Nov 2017, day uncertain)".
        for s in &crate::corpus::bundled().statements {
            let label = s.date.short_label();
            assert!(!label.contains('(') && !label.contains(')'), "{}: {label}", s.id);
        }
        let wallace = crate::corpus::bundled().get("wallace-2017").unwrap();
        assert_eq!(
            format!("{} ({})", wallace.short_title, wallace.date.short_label()),
            "Wallace letter (Nov 2017, day uncertain)"
        );
    }
}
