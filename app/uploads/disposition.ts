// How a stored file is named when it is downloaded (RFC 6266): the UTF-8 name for browsers that read it, and a
// plain-ASCII fallback with anything that could break the header (quotes, backslashes, control and non-ASCII
// characters) replaced, so a resident's file name can never add a header or change the disposition.
export function attachmentDisposition(filename: string): string {
  const plain = filename.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
