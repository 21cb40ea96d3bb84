/** An XML response that CDNs may cache briefly; publish actions revalidate the route itself. */
export function xmlResponse(xml: string, type = 'application/xml'): Response {
  return new Response(xml, {
    headers: {
      'Content-Type': `${type}; charset=utf-8`,
      'Cache-Control': 'public, s-maxage=60, stale-while-revalidate=300',
    },
  });
}
