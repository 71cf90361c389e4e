"""Local replica sites the tests run the checker against (served by parity_check.sites.server.SiteServer).

Each module exposes a site factory and a PLANTED list of the defects built into it:
  akimat_replica  an older server-rendered district akimat (/kz/ /ru/ /en/, root -> /ru/, bvi-lite on kk/ru)
  govkz_spa       the gov.kz unified platform: one JS shell for every path, content from a JSON API
  generated       generated_site(n_pages, seed): a deterministic trilingual site for throughput benchmarks
"""
