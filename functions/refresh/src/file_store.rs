//! Facts in a JSON file, for `make refresh` without a table: the file is read before the
//! run (so a failing registry keeps what the file held) and rewritten after each write.

use std::collections::BTreeMap;
use std::path::PathBuf;

use model::StoreError;
use model::facts::{Facts, FactsStore, MemoryFacts};
use model::store::BoxFuture;

#[derive(Debug)]
pub struct FileFacts {
    path: PathBuf,
    memory: MemoryFacts,
}

impl FileFacts {
    /// The facts in `path`, or none when it does not exist yet.
    pub fn open(path: PathBuf) -> Result<Self, StoreError> {
        let held = match std::fs::read(&path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map_err(|error| StoreError::Corrupt(format!("{}: {error}", path.display())))?,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(error) => return Err(StoreError::Failed(Box::new(error))),
        };
        Ok(Self {
            path,
            memory: MemoryFacts::new(held),
        })
    }
}

impl FactsStore for FileFacts {
    fn all(&self) -> BoxFuture<'_, Result<BTreeMap<String, Facts>, StoreError>> {
        self.memory.all()
    }

    fn put<'a>(&'a self, id: &'a str, facts: &'a Facts) -> BoxFuture<'a, Result<(), StoreError>> {
        Box::pin(async move {
            self.memory.put(id, facts).await?;
            let all = self.memory.all().await?;
            let mut text = serde_json::to_string_pretty(&all)
                .map_err(|error| StoreError::Corrupt(error.to_string()))?;
            text.push('\n');
            std::fs::write(&self.path, text).map_err(|error| StoreError::Failed(Box::new(error)))
        })
    }
}
