/** An uploaded file as a private, never-cached response: images shown inline, anything else downloaded. */
export function fileResponse(file: { bytes: Buffer | Uint8Array; contentType: string; filename: string }) {
  const disposition = file.contentType.startsWith("image/") ? "inline" : "attachment";
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `${disposition}; filename="${file.filename.replace(/"/g, "")}"`,
      "Content-Length": String(file.bytes.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
