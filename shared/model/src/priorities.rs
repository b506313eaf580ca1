//! What the user cares about, most important first, and the weight that gives each
//! [`Dimension`]. compare's verdict and recommend's score weigh ratings the same way:
//! - without priorities every dimension weighs 1;
//! - with `k` priorities, the first weighs `k`, the second `k - 1`, …, the last 1, and the
//!   dimensions not listed weigh nothing: a client that names what matters gets an answer on
//!   exactly that.

use crate::lists::distinct;
use crate::vocab::Dimension;

/// Each dimension at most once, in the order the user gave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Priorities(Vec<Dimension>);

impl Priorities {
    /// Keeps the first occurrence of a repeated dimension, so the order the user gave stands.
    pub fn new(dimensions: impl IntoIterator<Item = Dimension>) -> Self {
        Self(distinct(dimensions))
    }

    pub fn as_slice(&self) -> &[Dimension] {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The weight of every dimension (see the module documentation), indexed by
    /// [`Dimension::index`].
    pub fn weights(&self) -> [u32; Dimension::COUNT] {
        let mut weights = [0; Dimension::COUNT];
        if self.0.is_empty() {
            return [1; Dimension::COUNT];
        }
        let k = self.0.len() as u32;
        for (position, dimension) in self.0.iter().enumerate() {
            weights[dimension.index()] = k - position as u32;
        }
        weights
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_priorities_weigh_more() {
        let priorities = Priorities::new([
            Dimension::Performance,
            Dimension::TypeSafety,
            Dimension::Performance,
        ]);
        let weights = priorities.weights();
        assert_eq!(weights[Dimension::Performance.index()], 2);
        assert_eq!(weights[Dimension::TypeSafety.index()], 1);
        assert_eq!(weights.iter().sum::<u32>(), 3);
        assert_eq!(Priorities::default().weights(), [1; Dimension::COUNT]);
    }
}
