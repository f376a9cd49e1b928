const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/** A link that downloads an uploaded file, showing its name and size; `missing` when there is no file. */
export function FileLink({ href, upload, missing }: { href: string; upload: { filename: string; size: number } | null; missing: string }) {
  return upload ? (
    <a className="govuk-link" href={href} download>
      {upload.filename} ({size(upload.size)})
    </a>
  ) : (
    missing
  );
}
