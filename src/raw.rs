//! Arrays of numbers as little-endian bytes, the form the cache keeps them in: read back in
//! one pass, without a length or a tag per number.

/// `numbers` as 4 little-endian bytes each.
pub fn u32s_to_bytes(numbers: &[u32]) -> Vec<u8> {
    numbers.iter().flat_map(|n| n.to_le_bytes()).collect()
}

/// The numbers of [`u32s_to_bytes`]; `None` when the length is not a multiple of 4.
pub fn bytes_to_u32s(bytes: &[u8]) -> Option<Vec<u32>> {
    bytes.len().is_multiple_of(4).then(|| {
        bytes
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect()
    })
}

/// `numbers` as 8 little-endian bytes each.
pub fn u64s_to_bytes(numbers: &[u64]) -> Vec<u8> {
    numbers.iter().flat_map(|n| n.to_le_bytes()).collect()
}

/// The numbers of [`u64s_to_bytes`]; `None` when the length is not a multiple of 8.
pub fn bytes_to_u64s(bytes: &[u8]) -> Option<Vec<u64>> {
    bytes.len().is_multiple_of(8).then(|| {
        bytes
            .chunks_exact(8)
            .map(|b| u64::from_le_bytes(b.try_into().unwrap_or_default()))
            .collect()
    })
}

/// Serde for bytes an image borrows when it is written and owns when it is read back: written
/// as bytes, always read into an owned vector (the cache is read as a stream, which lends
/// nothing).
pub mod cow_bytes {
    use std::borrow::Cow;

    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serde_bytes::serialize(bytes, serializer)
    }

    pub fn deserialize<'de, 'a, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Cow<'a, [u8]>, D::Error> {
        Ok(Cow::Owned(
            serde_bytes::ByteBuf::deserialize(deserializer)?.into_vec(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_come_back_as_they_went() {
        let small = [0, 1, u32::MAX, 123_456];
        assert_eq!(bytes_to_u32s(&u32s_to_bytes(&small)).unwrap(), small);
        let large = [0, u64::MAX, 1 << 40];
        assert_eq!(bytes_to_u64s(&u64s_to_bytes(&large)).unwrap(), large);
        assert_eq!(bytes_to_u32s(&[1, 2, 3]), None);
        assert_eq!(bytes_to_u64s(&[0; 12]), None);
    }
}
