//! Slack exports: a folder with `users.json` (and `channels.json`) beside one
//! folder per channel of dated `.json` day files.

use super::SlackUser;
use std::collections::HashMap;

/// The people of a Slack export's `users.json`: id to display name, and
/// whether the export marks each as outside the team (a guest, a Slack
/// Connect member). Unreadable JSON gives no people: the channel files then
/// name speakers by the names their messages carry.
pub fn slack_users(bytes: &[u8]) -> HashMap<String, SlackUser> {
    let Ok(serde_json::Value::Array(users)) = serde_json::from_slice(bytes) else {
        return HashMap::new();
    };
    let mut out = HashMap::new();
    for u in users {
        let Some(id) = u.get("id").and_then(|v| v.as_str()) else {
            continue;
        };
        let text = |v: Option<&serde_json::Value>| {
            v.and_then(|v| v.as_str())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let profile = u.get("profile");
        let name = text(u.get("real_name"))
            .or_else(|| text(profile.and_then(|p| p.get("real_name"))))
            .or_else(|| text(profile.and_then(|p| p.get("display_name"))))
            .or_else(|| text(u.get("name")));
        let Some(name) = name else { continue };
        let flag = |key: &str| u.get(key).and_then(|v| v.as_bool());
        let external = match (
            flag("is_restricted"),
            flag("is_ultra_restricted"),
            flag("is_stranger"),
        ) {
            (None, None, None) => None,
            (a, b, c) => Some(a.unwrap_or(false) || b.unwrap_or(false) || c.unwrap_or(false)),
        };
        out.insert(
            id.to_string(),
            SlackUser {
                name: crate::text::sanitize(&name),
                external,
            },
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users_with_names_and_guests() {
        let json = br#"[
          {"id": "U1", "name": "dana", "real_name": "Dana Whitfield", "is_restricted": false},
          {"id": "U2", "name": "ines", "profile": {"real_name": "Ines Varga"}, "is_restricted": true},
          {"id": "U3", "name": "bot"},
          {"name": "no id"}
        ]"#;
        let users = slack_users(json);
        assert_eq!(users.len(), 3);
        assert_eq!(users["U1"].name, "Dana Whitfield");
        assert_eq!(users["U1"].external, Some(false));
        assert_eq!(users["U2"].name, "Ines Varga");
        assert_eq!(users["U2"].external, Some(true));
        assert_eq!(users["U3"].external, None);
        assert!(slack_users(b"{not json").is_empty());
    }
}
