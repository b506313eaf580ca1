//! What reading a table whole costs, by DynamoDB's own accounting: the size of each item
//! (attribute names plus values, as the developer guide counts them), the pages a `Query` or
//! `Scan` returns (each stops at 1 MB of items read) and the read capacity units each page
//! consumes (4 KB units of the page's total, half a unit each when eventually consistent).
//! `examples/read_cost.rs` uses it for the growth table in docs/performance.md.

use aws_sdk_dynamodb::types::AttributeValue;

use crate::item::Item;

/// The most a `Query` or `Scan` page reads before it stops and hands back a `LastEvaluatedKey`.
pub const PAGE_LIMIT_BYTES: usize = 1024 * 1024;

/// One read capacity unit covers a strongly consistent read of up to 4 KB.
const READ_UNIT_BYTES: usize = 4 * 1024;

/// The item's size as DynamoDB counts it: for each attribute, its name's UTF-8 length plus its
/// value's size.
pub fn item_size(item: &Item) -> usize {
    item.iter()
        .map(|(name, value)| name.len() + value_size(value))
        .sum()
}

/// A value's size: strings and binaries by length, numbers at one byte per two significant
/// digits plus one, booleans and nulls one byte, lists and maps three bytes plus one byte per
/// element plus the elements (and, in a map, the element names).
fn value_size(value: &AttributeValue) -> usize {
    match value {
        AttributeValue::S(text) => text.len(),
        AttributeValue::N(number) => number_size(number),
        AttributeValue::B(bytes) => bytes.as_ref().len(),
        AttributeValue::Bool(_) | AttributeValue::Null(_) => 1,
        AttributeValue::L(values) => 3 + values.iter().map(|v| 1 + value_size(v)).sum::<usize>(),
        AttributeValue::M(entries) => {
            3 + entries
                .iter()
                .map(|(name, v)| 1 + name.len() + value_size(v))
                .sum::<usize>()
        }
        AttributeValue::Ss(texts) => texts.iter().map(String::len).sum(),
        AttributeValue::Ns(numbers) => numbers.iter().map(|n| number_size(n)).sum(),
        AttributeValue::Bs(blobs) => blobs.iter().map(|b| b.as_ref().len()).sum(),
        // A variant added to the SDK later: count nothing rather than guess.
        _ => 0,
    }
}

/// Leading and trailing zeros are not stored; the sign and point are not digits.
fn number_size(number: &str) -> usize {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
    significant.div_ceil(2) + 1
}

/// What one read of a whole table (or index) costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WholeRead {
    pub items: usize,
    pub bytes: usize,
    /// Round trips: a page ends once it has read 1 MB.
    pub pages: usize,
    /// Read capacity units of a strongly consistent read; an eventually consistent one (what
    /// the stores' whole reads are) costs half of it.
    pub consistent_units: usize,
}

/// Reads items of these sizes, in order, page by page as DynamoDB does.
pub fn whole_read(sizes: impl IntoIterator<Item = usize>) -> WholeRead {
    let mut read = WholeRead {
        items: 0,
        bytes: 0,
        pages: 0,
        consistent_units: 0,
    };
    let mut page_bytes = 0;
    for size in sizes {
        read.items += 1;
        read.bytes += size;
        page_bytes += size;
        if page_bytes >= PAGE_LIMIT_BYTES {
            close_page(page_bytes, &mut read);
            page_bytes = 0;
        }
    }
    // The last page, or the single empty page an empty table still answers with.
    if page_bytes > 0 || read.pages == 0 {
        close_page(page_bytes, &mut read);
    }
    read
}

fn close_page(page_bytes: usize, read: &mut WholeRead) {
    read.pages += 1;
    read.consistent_units += page_bytes.div_ceil(READ_UNIT_BYTES);
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    #[test]
    fn sizes_follow_the_developer_guide() {
        let item: Item = HashMap::from([
            ("id".to_owned(), AttributeValue::S("django".into())), // 2 + 6
            ("version".to_owned(), AttributeValue::N("120".into())), // 7 + (1 + 1)
            (
                "features".to_owned(),
                AttributeValue::L(vec![
                    AttributeValue::S("orm".into()),
                    AttributeValue::S("auth".into()),
                ]), // 8 + 3 + (1 + 3) + (1 + 4)
            ),
            (
                "ratings".to_owned(),
                AttributeValue::M(HashMap::from([(
                    "security".to_owned(),
                    AttributeValue::N("5".into()),
                )])), // 7 + 3 + (1 + 8 + 2)
            ),
        ]);
        assert_eq!(item_size(&item), 8 + 9 + 20 + 21);
    }

    #[test]
    fn numbers_count_significant_digits_only() {
        assert_eq!(number_size("0.000123"), 3);
        assert_eq!(number_size("-1200"), 2);
        assert_eq!(number_size("12345"), 4);
    }

    #[test]
    fn pages_close_at_one_megabyte_and_units_round_up_per_page() {
        let small = whole_read([100; 26]);
        assert_eq!((small.items, small.bytes, small.pages), (26, 2_600, 1));
        assert_eq!(
            small.consistent_units, 1,
            "2,600 bytes fit in one 4 KB unit"
        );

        let large = whole_read([300 * 1024; 7]);
        assert_eq!(
            large.pages, 2,
            "four items fill the first megabyte, three the second"
        );
        assert_eq!(large.consistent_units, 300 + 225);

        assert_eq!(
            whole_read([]).pages,
            1,
            "an empty table still takes one round trip"
        );
    }
}
