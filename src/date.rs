//! Partial dates: a year, optionally a month and a day, optionally marked approximate.
//!
//! Written in data files as a string: `"2008"`, `"2021-04"`, `"2022-04-13"`, and `"~1995"` for
//! "around 1995". Parsing only checks the shape; whether month 13 exists is the validator's job,
//! so that every impossible date in a dataset is reported at once.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer, de};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub approximate: bool,
}

impl PartialDate {
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
            approximate: false,
        }
    }

    /// The ordering key of the timeline: unknown months and days sort first within their year.
    pub fn sort_key(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(0), self.day.unwrap_or(0))
    }

    /// Why this date cannot exist, if it cannot.
    pub fn impossibility(&self) -> Option<String> {
        if !(1800..=2100).contains(&self.year) {
            return Some(format!("year {} is outside 1800..2100", self.year));
        }
        let month = self.month?;
        if !(1..=12).contains(&month) {
            return Some(format!("month {month} does not exist"));
        }
        let day = self.day?;
        let last = days_in_month(self.year, month);
        if day == 0 || day > last {
            return Some(format!(
                "day {day} does not exist in {}-{month:02}",
                self.year
            ));
        }
        None
    }

    /// The date without the approximate marker: `2008`, `2021-04`, `2022-04-13`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", self.year),
            (Some(m), None) => format!("{}-{m:02}", self.year),
            _ => self.year.to_string(),
        }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("~")?;
        }
        f.write_str(&self.iso())
    }
}

/// Why a date string is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateShapeError(String);

impl fmt::Display for DateShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "expected a date like \"2008\", \"2021-04\", \"2022-04-13\" or \"~1995\", found {:?}",
            self.0
        )
    }
}

impl std::str::FromStr for PartialDate {
    type Err = DateShapeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || DateShapeError(text.to_string());
        let (approximate, rest) = match text.trim().strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, text.trim()),
        };
        let mut parts = rest.split('-');
        let year = parts.next().filter(|y| y.len() == 4).ok_or_else(bad)?;
        let year: i32 = digits(year).ok_or_else(bad)?;
        let month = match parts.next() {
            Some(m) if m.len() == 2 => Some(digits(m).ok_or_else(bad)?),
            Some(_) => return Err(bad()),
            None => None,
        };
        let day = match parts.next() {
            Some(d) if d.len() == 2 => Some(digits(d).ok_or_else(bad)?),
            Some(_) => return Err(bad()),
            None => None,
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Self {
            year,
            month,
            day,
            approximate,
        })
    }
}

fn digits<T: std::str::FromStr>(text: &str) -> Option<T> {
    if text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl de::Visitor<'_> for Visitor {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date string like \"2008\", \"2021-04\" or \"2022-04-13\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PartialDate, E> {
                v.parse().map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_precision() {
        let d: PartialDate = "2022-04-13".parse().unwrap();
        assert_eq!((d.year, d.month, d.day), (2022, Some(4), Some(13)));
        let d: PartialDate = "~1995".parse().unwrap();
        assert!(d.approximate);
        assert_eq!(d.to_string(), "~1995");
        assert_eq!("2021-04".parse::<PartialDate>().unwrap().iso(), "2021-04");
    }

    #[test]
    fn rejects_shapes_that_are_not_dates() {
        for bad in [
            "",
            "08",
            "2008-4",
            "2008/04",
            "20O8",
            "2008-04-01-02",
            "April 2008",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad:?} parsed");
        }
    }

    #[test]
    fn month_thirteen_and_february_thirtieth_are_impossible() {
        assert!(
            "2008-13"
                .parse::<PartialDate>()
                .unwrap()
                .impossibility()
                .is_some()
        );
        assert!(
            "2021-02-30"
                .parse::<PartialDate>()
                .unwrap()
                .impossibility()
                .is_some()
        );
        assert!(
            "2020-02-29"
                .parse::<PartialDate>()
                .unwrap()
                .impossibility()
                .is_none()
        );
    }

    #[test]
    fn unknown_month_sorts_before_known_months() {
        let year: PartialDate = "2021".parse().unwrap();
        let jan: PartialDate = "2021-01".parse().unwrap();
        assert!(year.sort_key() < jan.sort_key());
    }
}
