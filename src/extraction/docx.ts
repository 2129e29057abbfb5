import mammoth from 'mammoth';

/** The plain text of a Word (.docx) file, NFC-normalised, paragraphs separated by blank lines. */
export async function extractTextFromDocx(buffer: Buffer | Uint8Array): Promise<string> {
  const result = await mammoth.extractRawText({ buffer: Buffer.from(buffer) });
  return result.value.normalize('NFC');
}
