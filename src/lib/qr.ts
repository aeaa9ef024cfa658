/** A QR code of a page's live address, as an SVG string, made at build time (no script, no request). */
import QRCode from 'qrcode';

export async function qrCodeSvg(address: string): Promise<string> {
  return QRCode.toString(address, { type: 'svg', errorCorrectionLevel: 'M', margin: 1, color: { dark: '#000000', light: '#ffffff' } });
}
