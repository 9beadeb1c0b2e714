-- The application side of a migration (issue 13): client applications with their URIs and grant types, the APIs that
-- validate tokens, custom domains, message templates and sender domains, webhooks, log streams and machine
-- credentials, as one validated document (ApplicationInventory). NULL until a member fills it in. It holds no
-- secret and nothing that identifies a person: counts, names, URIs and hostnames only.
ALTER TABLE migration ADD COLUMN applications jsonb;
