import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";

const FONT_DIR = "node_modules/@expo-google-fonts/noto-sans-sc";
let fonts: { regular: Buffer; bold: Buffer } | null = null;

/** Noto Sans SC (SIL OFL) from node_modules, read once per process; pdfkit embeds only the glyphs used. */
function loadFonts() {
  fonts ??= {
    regular: fs.readFileSync(path.join(process.cwd(), FONT_DIR, "400Regular/NotoSansSC_400Regular.ttf")),
    bold: fs.readFileSync(path.join(process.cwd(), FONT_DIR, "700Bold/NotoSansSC_700Bold.ttf")),
  };
  return fonts;
}

/**
 * A pdfkit document that can write Chinese: Noto Sans SC registered as the fonts "regular" and
 * "bold". Draw on `doc`, then `finish()` ends it and gives the file.
 */
export function chinesePdf(options: PDFKit.PDFDocumentOptions): { doc: PDFKit.PDFDocument; finish: () => Promise<Buffer> } {
  const { regular, bold } = loadFonts();
  const doc = new PDFDocument(options);
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  return {
    doc,
    finish: async () => {
      doc.end();
      await done;
      return Buffer.concat(chunks);
    },
  };
}
