//! Attachments: files sealed with the case key, names included.

use zeroize::Zeroizing;

use super::CaseService;
use crate::case::{Attachment, AttachmentId, Author, CaseId, Visibility};
use crate::policy::{Action, Actor};
use crate::{Error, Result};

/// A file to attach. `Debug` shows neither the name nor the content.
#[derive(Clone)]
pub struct AttachmentUpload {
    /// The file name as given.
    pub file_name: String,
    /// The media type.
    pub media_type: String,
    /// The content.
    pub bytes: Vec<u8>,
    /// Internal, or shared with the reporter.
    pub visibility: Visibility,
}

impl CaseService {
    /// Attaches a file, sealed with the case key.
    pub fn attach(
        &self,
        actor: &Actor,
        id: &CaseId,
        upload: AttachmentUpload,
    ) -> Result<AttachmentId> {
        let case = self.load_for(actor, id, Action::WriteContent)?;
        let key = self.case_key(&case)?;
        let aid = AttachmentId::generate()?;
        let attachment = Attachment {
            id: aid.clone(),
            case_id: id.clone(),
            added_by: Author::Staff(actor.id.clone()),
            visibility: upload.visibility,
            added_at: self.now(),
            media_type: upload.media_type,
            size: upload.bytes.len() as u64,
            file_name: key.seal(
                upload.file_name.as_bytes(),
                &case.context(&format!("attachment/{aid}/name")),
            )?,
        };
        let content = key.seal(&upload.bytes, &case.context(&format!("attachment/{aid}")))?;
        self.store
            .transact(&actor.tenant, &self.anchor, &mut |tx| {
                tx.insert_attachment(&attachment, &content)?;
                Ok(self.draft(
                    actor.id.as_ref(),
                    "attachment.add",
                    id.as_str(),
                    Some(aid.to_string()),
                ))
            })?;
        Ok(aid)
    }

    /// Opens an attachment: its metadata, file name and content (audited), the last two wiped
    /// from memory when dropped.
    pub fn attachment(
        &self,
        actor: &Actor,
        id: &CaseId,
        aid: &AttachmentId,
    ) -> Result<(Attachment, Zeroizing<String>, Zeroizing<Vec<u8>>)> {
        let case = self.load_for(actor, id, Action::ReadContent)?;
        let not_found = || Error::NotFound {
            what: "attachment",
            id: aid.to_string(),
        };
        let meta = self
            .store
            .attachments(&actor.tenant, id)?
            .into_iter()
            .find(|a| &a.id == aid)
            .ok_or_else(not_found)?;
        let sealed = self
            .store
            .attachment_content(&actor.tenant, aid)?
            .ok_or_else(not_found)?;
        let key = self.case_key(&case)?;
        let name = key.open_text(
            &meta.file_name,
            &case.context(&format!("attachment/{aid}/name")),
        )?;
        let bytes = key.open(&sealed, &case.context(&format!("attachment/{aid}")))?;
        self.store.record(
            &actor.tenant,
            &self.anchor,
            self.draft(
                actor.id.as_ref(),
                "attachment.read",
                id.as_str(),
                Some(aid.to_string()),
            ),
        )?;
        Ok((meta, name, bytes))
    }
}
