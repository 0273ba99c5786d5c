/**
 * Header words as people write them, reduced to English concept tokens for matching: CamelCase
 * and snake_case split, run-together words segmented ("qtysold" → qty sold), abbreviations and the
 * common words of English, German, French, Spanish, Portuguese, Italian, Dutch and Polish mapped to
 * one token each ("Cantidad", "Menge", "Ilość", "ProdQt" → qty). Used only to match headers:
 * `normalizeHeader` (the remembered mappings' signature) is unchanged.
 */
import { normalizeHeader } from "./headers-normalize";

/** An amount (price × quantity, value, cost, margin…): never a quantity, part or price. */
export const AMOUNT = "amount";
/** A currency word: the column is money. */
export const CURRENCY = "currency";
/** Words of columns that are none of our fields, however the rest reads ("Postal Code", "Reason Code"). */
export const NOT_A_FIELD = "not-a-field";

/** Concept token → the words (normalised: lower case, accents stripped, ä → ae, ł → l) that mean it. */
const WORDS: Record<string, string[]> = {
  qty: [
    "quantity", "quantities", "qty", "qt", "qte", "qtd", "qtde", "qnt", "quantite", "quantites", "cantidad", "cantidades", "cant",
    "quantidade", "quantidades", "quant", "quantita", "aantal", "hoeveelheid", "ilosc", "menge", "anzahl", "pcs", "pieces", "stueck", "stueckzahl",
    "stk", "szt", "sztuk", "units", "unidades", "unites", "unita", "eenheden", "stuks", "liczba",
  ],
  unit: ["unit", "unitaire", "unitario", "unitaria", "jednostkowa", "jednostkowy", "stuk"],
  price: ["price", "prc", "preis", "prix", "precio", "preco", "prezzo", "prijs", "cena"],
  date: ["date", "datum", "fecha", "data", "dt", "dte", "dated"],
  invoice: ["invoice", "invoices", "inv", "rechnung", "facture", "fact", "factura", "fatura", "fattura", "factuur", "faktura", "faktury"],
  number: ["number", "nummer", "numero", "numer", "n", "nro", "nb"],
  sold: [
    "sold", "verkauft", "vendu", "vendus", "vendue", "vendido", "vendidos", "vendida", "vendidas", "venduto", "venduti", "venduta",
    "verkocht", "sprzedane", "sprzedano", "sprzedanych",
  ],
  sales: ["sales", "sale", "ventes", "vente", "ventas", "venta", "vendas", "venda", "vendite", "vendita", "verkoop", "verkopen", "sprzedaz", "verkauf", "verkaeufe"],
  stock: [
    "stock", "stocks", "inventory", "bestand", "lagerbestand", "bestaende", "existencias", "existencia", "estoque", "giacenza", "giacenze",
    "voorraad", "stan", "zapas", "inventaire", "inventario", "magazynowy",
  ],
  available: ["available", "avail", "verfuegbar", "disponible", "disponibles", "disponivel", "disponibile", "beschikbaar", "dostepne", "dostepny"],
  part: ["part", "parts", "teil", "teile", "pieza", "piezas", "peca", "pezzo", "onderdeel", "czesc"],
  item: [
    "item", "items", "artikel", "article", "articulo", "artigo", "articolo", "towar", "towaru", "produkt", "product", "products",
    "producto", "produto", "prodotto", "prod", "produit", "artikelnr",
  ],
  code: ["code", "cod", "cd", "codigo", "codice", "kod", "kode", "ref", "reference", "referencia", "referenza", "referentie", "referencja", "indeks"],
  description: [
    "description", "desc", "descr", "descripcion", "descricao", "descrizione", "omschrijving", "opis", "designation", "bezeichnung",
    "beschreibung", "libelle", "denominazione", "nazwa",
  ],
  line: ["line", "ligne", "linea", "linha", "riga", "regel", "pozycja", "lp", "zeile", "posicion", "posizione"],
  city: ["city", "stadt", "ort", "ville", "ciudad", "cidade", "citta", "stad", "plaats", "miasto", "miejscowosc"],
  country: ["country", "land", "pays", "pais", "paese", "kraj"],
  state: ["state", "province", "provincia", "provincie", "estado", "wojewodztwo", "region"],
  location: [
    "location", "locations", "loc", "branch", "warehouse", "whse", "wh", "store", "site", "lager", "filiale", "standort", "niederlassung",
    "magasin", "entrepot", "depot", "almacen", "tienda", "sucursal", "armazem", "loja", "filial", "deposito", "magazzino", "negozio",
    "sede", "magazijn", "vestiging", "winkel", "filiaal", "magazyn", "oddzial", "sklep", "lokalizacja", "ubicacion", "localizacao",
    "ubicazione", "locatie",
  ],
  ship: [
    "ship", "shipped", "shipping", "delivered", "delivery", "versand", "versandt", "geliefert", "lieferung", "livre", "livree", "livraison",
    "expedie", "enviado", "enviada", "envio", "spedito", "spedizione", "verzonden", "wysylka", "wyslano",
  ],
  customer: [
    "customer", "customers", "cust", "kunde", "kunden", "client", "clients", "cliente", "clientes", "clienti", "klant", "klanten",
    "klient", "klienta", "klientow", "klienci", "odbiorca",
  ],
  end: ["end", "final", "finale", "eind", "koncowy"],
  returns: [
    "return", "returns", "returned", "retour", "retoure", "retouren", "retours", "devolucion", "devoluciones", "devolucoes", "devolucao",
    "devolvido", "reso", "resi", "retourzending", "retourzendingen", "zwrot", "zwroty", "ruecksendung", "ruecksendungen", "rueckgabe",
    "rueckgaben",
  ],
  vendor: [
    "vendor", "supplier", "manufacturer", "mfr", "mfg", "lieferant", "hersteller", "fournisseur", "fabricant", "proveedor", "fabricante",
    "fornecedor", "fornitore", "produttore", "leverancier", "fabrikant", "dostawca", "producent",
  ],
  [AMOUNT]: [
    "amount", "amt", "value", "val", "betrag", "wert", "summe", "montant", "valeur", "importe", "valor", "importo", "valore", "bedrag",
    "waarde", "kwota", "wartosc", "revenue", "umsatz", "turnover", "fatturato", "omzet", "przychod", "receita", "faturamento",
    "facturacion", "extended", "ext", "cost", "costs", "kosten", "cout", "coste", "custo", "costo", "koszt", "margin", "marge", "margen",
    "margine", "marza", "percent", "pct", "prozent", "pourcentage", "porcentaje", "percentuale", "procent",
  ],
  [NOT_A_FIELD]: ["postal", "zip", "zipcode", "plz", "postleitzahl", "postcode", "cep", "pocztowy", "reason", "status", "grund"],
  [CURRENCY]: ["usd", "eur", "gbp", "pln", "zl", "chf", "dollar", "dollars", "euro", "euros", "currency", "waehrung", "devise", "moneda", "moeda", "valuta", "waluta"],
};

/** Words that carry no meaning for the match ("Devoluciones de clientes", "Zwroty od klientów"). */
const STOPWORDS = new Set([
  "de", "des", "du", "del", "della", "delle", "dei", "di", "da", "do", "dos", "das", "la", "le", "les", "el", "los", "las", "the", "of",
  "van", "het", "der", "die", "den", "od", "an", "al", "au", "aux", "per", "na", "w", "z", "ze", "en", "et", "y", "e", "i", "und", "and",
]);

const CONCEPT = new Map<string, string>();
for (const [concept, words] of Object.entries(WORDS)) for (const w of words) if (!CONCEPT.has(w)) CONCEPT.set(w, concept);

/** Short words that may be a piece of a run-together header ("onhand", "partno"). */
const SHORT_PIECES = new Set(["on", "to", "id", "dt", "qt", "nr", "no", "oh", "by"]);
const vocabulary = new Set<string>([...CONCEPT.keys()].filter((w) => w.length >= 3 || SHORT_PIECES.has(w)));

/** Words of the synonym lists (added by headers.ts), so "upccode" or "soldto" split too. */
export function addVocabulary(words: Iterable<string>): void {
  for (const w of words) if ((w.length >= 3 || SHORT_PIECES.has(w)) && !STOPWORDS.has(w)) vocabulary.add(w);
}

/** "InvoiceDate" → "Invoice Date", "SKUCode" → "SKU Code", "ProdQt" → "Prod Qt". */
export function splitCamel(raw: string): string {
  return raw.replace(/(\p{Ll}|\d)(\p{Lu})/gu, "$1 $2").replace(/(\p{Lu}+)(\p{Lu}\p{Ll})/gu, "$1 $2");
}

/** A run-together word as the fewest known words (longest first on a tie), or null. */
export function segment(word: string): string[] | null {
  const n = word.length;
  const best: (string[] | null)[] = new Array(n + 1).fill(null);
  best[0] = [];
  for (let i = 1; i <= n; i++) {
    for (let j = Math.max(0, i - 16); j < i; j++) {
      const prev = best[j];
      if (!prev || !vocabulary.has(word.slice(j, i))) continue;
      const cand = [...prev, word.slice(j, i)];
      if (!best[i] || cand.length < best[i]!.length) best[i] = cand;
    }
  }
  return best[n] && best[n]!.length > 1 ? best[n] : null;
}

/** A header as concept tokens, in order, without repeats and stopwords. */
export function headerTokens(raw: string): string[] {
  const words = normalizeHeader(splitCamel(raw.replace(/ł/g, "l").replace(/Ł/g, "L")))
    .split(" ")
    .filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    const pieces = vocabulary.has(w) || CONCEPT.has(w) || w.length < 5 ? [w] : (segment(w) ?? [w]);
    for (const p of pieces) {
      if (STOPWORDS.has(p)) continue;
      const t = CONCEPT.get(p) ?? p;
      if (!out.includes(t)) out.push(t);
    }
  }
  return out;
}
