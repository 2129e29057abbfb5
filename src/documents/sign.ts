/**
 * Digital signatures of issued documents: a PAdES signature (ETSI.CAdES.detached) with the issuing unit's PKCS#12
 * key, and the verification that reports who signed, when, and whether the file is intact.
 */
import { createHash } from 'node:crypto';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import forge from 'node-forge';

export interface SigningKey {
  p12: Buffer;
  passphrase: string;
}

export interface SignOptions {
  /** Who signs, as the certificate names them; printed in the signature dictionary. */
  name: string;
  reason: string;
  location: string;
  signingTime: Date;
}

/** Signs a PDF in place of a placeholder; the signature covers every byte but its own. */
export async function signPdf(pdf: Buffer, key: SigningKey, options: SignOptions): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: options.reason,
    contactInfo: '',
    name: options.name,
    location: options.location,
    signingTime: options.signingTime,
    signatureLength: 16384,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'giaoban',
  });
  const signer = new P12Signer(key.p12, { passphrase: key.passphrase });
  return new SignPdf().sign(withPlaceholder, signer, options.signingTime);
}

/** The subject common name of a PKCS#12 key's certificate (to print in the visible signature). */
export function certificateName(key: SigningKey): { name: string; organisation: string | null } {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(key.p12.toString('binary')));
  const p12 = forge.pkcs12.pkcs12FromAsn1(asn1, key.passphrase);
  const certBag = forge.pki.oids.certBag as string;
  const bags = p12.getBags({ bagType: certBag })[certBag] ?? [];
  const cert = bags.find((bag: forge.pkcs12.Bag) => bag.cert)?.cert;
  if (!cert) throw new Error('the PKCS#12 file holds no certificate');
  return {
    name: utf8Of(cert.subject.getField('CN')?.value),
    organisation: cert.subject.getField('O') ? utf8Of(cert.subject.getField('O')?.value) : null,
  };
}

export interface Verification {
  signed: boolean;
  /** The digest over the signed byte ranges matches the signature and the signature verifies with the certificate. */
  intact: boolean;
  /** The signed ranges cover the whole file except the signature itself (nothing appended after signing). */
  coversWholeFile: boolean;
  signer: string | null;
  organisation: string | null;
  signingTime: string | null;
  reason: string | null;
  problems: string[];
}

function utf8Of(value: unknown): string {
  const text = String(value ?? '');
  try {
    return forge.util.decodeUtf8(text);
  } catch {
    return text;
  }
}

// node-forge takes options that leave the bytes after the first DER value unread; its type definitions know only
// the older `strict` flag.
const derUpToItsLength = forge.asn1.fromDer as unknown as (
  bytes: string,
  options: { strict: boolean; parseAllBytes: boolean },
) => forge.asn1.Asn1;

/**
 * Checks the last signature of a PDF: the byte ranges, the message digest, the signature over the signed
 * attributes with the signer's certificate. Trust in the certificate's issuer is a matter for the recipient's list
 * of trusted authorities and is not judged here.
 */
export function verifyPdf(pdf: Buffer): Verification {
  const out: Verification = {
    signed: false,
    intact: false,
    coversWholeFile: false,
    signer: null,
    organisation: null,
    signingTime: null,
    reason: null,
    problems: [],
  };
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges.at(-1);
  if (!last) {
    out.problems.push('không có chữ ký số');
    return out;
  }
  out.signed = true;
  const [a, b, c, d] = [1, 2, 3, 4].map((i) => Number(last[i]));
  if (a === undefined || b === undefined || c === undefined || d === undefined) return out;
  out.coversWholeFile = a === 0 && c + d === pdf.length;
  if (!out.coversWholeFile) out.problems.push('tệp có nội dung nằm ngoài phần được ký');
  // The signature is DER inside a placeholder padded with zeros: its own length says where it ends (stripping the
  // zeros would also strip a signature's last byte when that byte is zero, one signature in 256).
  const hex = text.slice(a + b, c).replace(/[<>\s]/g, '');
  const reasonMatch = /\/Reason\s*\(([^)]*)\)/.exec(text.slice(Math.max(0, a + b - 4000), a + b));
  out.reason = reasonMatch?.[1] ?? null;
  let message: forge.pkcs7.PkcsSignedData;
  try {
    const der = forge.util.hexToBytes(hex.length % 2 === 0 ? hex : `${hex}0`);
    message = forge.pkcs7.messageFromAsn1(
      derUpToItsLength(der, { strict: false, parseAllBytes: false }),
    ) as forge.pkcs7.PkcsSignedData;
  } catch {
    out.problems.push('không đọc được chữ ký');
    return out;
  }
  const cert = message.certificates[0];
  if (cert) {
    out.signer = utf8Of(cert.subject.getField('CN')?.value);
    const o = cert.subject.getField('O')?.value;
    out.organisation = o ? utf8Of(o) : null;
  }
  // The signer info's authenticated attributes: content type, signing time, message digest.
  const rawSigners = (message as unknown as { rawCapture: { signerInfos: forge.asn1.Asn1[] } }).rawCapture
    .signerInfos;
  const signerInfo = rawSigners[0];
  const fields = (signerInfo?.value ?? []) as forge.asn1.Asn1[];
  const attrsNode = fields.find(
    (f) => f.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && f.type === 0 && f.constructed,
  );
  const signatureNode = fields.find(
    (f, i) => i > 0 && f.tagClass === forge.asn1.Class.UNIVERSAL && f.type === forge.asn1.Type.OCTETSTRING,
  );
  if (!attrsNode || !signatureNode || !cert) {
    out.problems.push('chữ ký thiếu thuộc tính được ký');
    return out;
  }
  let digest: string | null = null;
  for (const attr of attrsNode.value as forge.asn1.Asn1[]) {
    const [oidNode, setNode] = attr.value as forge.asn1.Asn1[];
    const oid = forge.asn1.derToOid(String(oidNode?.value ?? ''));
    const first = (setNode?.value as forge.asn1.Asn1[] | undefined)?.[0];
    if (!first) continue;
    if (oid === forge.pki.oids.messageDigest) digest = forge.util.bytesToHex(String(first.value));
    if (oid === forge.pki.oids.signingTime) {
      const raw = String(first.value);
      const date =
        first.type === forge.asn1.Type.UTCTIME
          ? forge.asn1.utcTimeToDate(raw)
          : forge.asn1.generalizedTimeToDate(raw);
      out.signingTime = date.toISOString();
    }
  }
  const signed = Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]);
  const actual = createHash('sha256').update(signed).digest('hex');
  const digestMatches = digest !== null && digest === actual;
  if (!digestMatches) out.problems.push('nội dung đã bị thay đổi sau khi ký');
  // The signature is over the DER of the attributes re-tagged as a SET.
  const set = forge.asn1.create(
    forge.asn1.Class.UNIVERSAL,
    forge.asn1.Type.SET,
    true,
    attrsNode.value as forge.asn1.Asn1[],
  );
  const md = forge.md.sha256.create();
  md.update(forge.asn1.toDer(set).getBytes());
  let signatureValid = false;
  try {
    signatureValid = (cert.publicKey as forge.pki.rsa.PublicKey).verify(
      md.digest().getBytes(),
      String(signatureNode.value),
    );
  } catch {
    signatureValid = false;
  }
  if (!signatureValid) out.problems.push('chữ ký không khớp với chứng thư số');
  out.intact = digestMatches && signatureValid && out.coversWholeFile;
  return out;
}
