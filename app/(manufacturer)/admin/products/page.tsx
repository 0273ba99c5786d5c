import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { withViewerDb } from "@/lib/auth/viewer-db";
import { requirePageViewer } from "@/lib/auth/current-viewer";
import { listProducts } from "@/lib/dal/admin/list-products";
import { CATALOGUE_CSV_MAX_BYTES, PRODUCT_CSV_HEADER, productListQuerySchema } from "@/lib/validation/admin-csv";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TR, HeadRow, numeric } from "@/components/ui/table";
import { EmptyState } from "@/components/ui/empty-state";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { StackedField, SubmitOrClear } from "@/components/ui/filter-form";
import { getFormatter } from "@/lib/format/request-format";
import { ProductForm } from "@/components/admin/product-form";
import { CatalogueImport } from "@/components/admin/catalogue-import";
import { CreateOrImport } from "@/components/admin/create-or-import";
import { Pager } from "@/components/admin/pager";
import { createProductAction } from "./actions";

export const metadata: Metadata = { title: "Products" };


export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await requirePageViewer("/admin/products");
  const f = await getFormatter();
  if (viewer.role !== "admin") notFound();
  const sp = await searchParams;
  const parsed = productListQuerySchema.safeParse({ q: typeof sp.q === "string" ? sp.q : undefined, page: typeof sp.page === "string" ? sp.page : undefined });
  const query = parsed.success ? parsed.data : productListQuerySchema.parse({});
  const page = await withViewerDb(viewer, (db) => listProducts(db, viewer, query));
  const href = (p: number) => `/admin/products?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;

  return (
    <div className="space-y-6">
      <PageHeader title="Products" description="The catalogue: SKUs distributors report against, with the list price rebates are valued at." />
      <CreateOrImport
        createTitle="New product"
        form={<ProductForm action={createProductAction} />}
        importDescription="Header sku,description,family,list_price,upc,pack_size,pack_sizes (upc and the pack sizes optional; pack_size = units per case, box or reel; pack_sizes per kind of pack, e.g. CA=12;BX=6). New SKUs are created; known SKUs get description, family, list price, UPC and pack size updated (a blank UPC or pack size keeps the stored one); identical rows are left as they are."
        importer={<CatalogueImport endpoint="/admin/products/import" maxBytes={CATALOGUE_CSV_MAX_BYTES} header={PRODUCT_CSV_HEADER.join(",")} noun="products" />}
      />

      <section aria-labelledby="catalogue-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="catalogue-heading" className="text-sm font-semibold text-slate-900">
            Catalogue
          </h2>
          <form method="get" action="/admin/products" role="search" className="flex items-end gap-2">
            <StackedField id="product-search" label="Search SKU, description or family" width="w-72">
              <Input id="product-search" type="search" name="q" defaultValue={query.q ?? ""} />
            </StackedField>
            <SubmitOrClear label="Search" clear={query.q ? { href: "/admin/products", label: "Clear" } : null} />
          </form>
        </div>
        {page.rows.length === 0 ? (
          <EmptyState
            title={query.q ? `No product matches “${query.q}”` : "No products yet"}
            description={query.q ? "Search matches part of a SKU, description or family." : "Create the first one above, or import a CSV."}
          />
        ) : (
          <>
            <Table label="Products">
              <HeadRow columns={["SKU", "Description", "Family", numeric("List price"), "UPC / GTIN", numeric("Pack size"), "Status"]} />
              <TBody>
                {page.rows.map((p) => (
                  <TR key={p.sku}>
                    <TD className="font-mono text-xs font-medium whitespace-nowrap">{p.sku}</TD>
                    <TD>{p.description}</TD>
                    <TD>{p.family}</TD>
                    <TD numeric>{f.number(Number(p.listPrice), { digits: 2, maxDigits: 4 })}</TD>
                    <TD className="font-mono text-xs tabular-nums">{p.upc ?? <span className="text-slate-500">—</span>}</TD>
                    <TD numeric>
                      {p.packSize === null && Object.keys(p.packSizes).length === 0 ? <span className="text-slate-500">—</span> : null}
                      {p.packSize ?? null}
                      {Object.entries(p.packSizes).map(([unit, n]) => (
                        <span key={unit} className="ml-2 whitespace-nowrap text-xs text-slate-600">
                          {unit} {n}
                        </span>
                      ))}
                    </TD>
                    <TD>{p.active ? <Badge tone="green">Active</Badge> : <Badge>Inactive</Badge>}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pager
              label="Product pages"
              summary={`Page ${page.page} of ${page.pageCount} · ${f.int(page.total)} products${query.q ? ` matching “${query.q}”` : ""}`}
              prevHref={page.page > 1 ? href(page.page - 1) : null}
              nextHref={page.page < page.pageCount ? href(page.page + 1) : null}
            />
          </>
        )}
      </section>
    </div>
  );
}
