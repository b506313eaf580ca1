//! What a function's router is built from: the settings and the stores they select.

use std::sync::Arc;

use axum::extract::FromRef;
use edge::LocalWrites;

use crate::config::{ConfigError, Settings, Stores};

#[derive(Debug, Clone)]
pub struct Context {
    pub settings: Arc<Settings>,
    pub stores: Stores,
}

impl Context {
    /// Reads the environment and connects the stores; called once per process.
    pub async fn from_env() -> Result<Self, ConfigError> {
        let settings = Settings::from_env()?;
        let stores = Stores::from_settings(&settings).await?;
        Ok(Self {
            settings: Arc::new(settings),
            stores,
        })
    }

    /// The embedded store with default settings, for tests and tools.
    pub fn embedded() -> Result<Self, ConfigError> {
        let settings = Settings::from_lookup(|_| None)?;
        Ok(Self {
            settings: Arc::new(settings),
            stores: Stores::embedded()?,
        })
    }
}

/// The admin guard reads `ALLOW_LOCAL_WRITES` from the settings.
impl FromRef<Context> for LocalWrites {
    fn from_ref(context: &Context) -> Self {
        LocalWrites(context.settings.allow_local_writes)
    }
}
