// Declared crawlers and link previewers, by their User-Agent: their visits are not reader views.
const BOT_PATTERN =
  /bot\b|bot\/|crawl|spider|slurp|archiver|facebookexternalhit|embedly|quora link preview|whatsapp|telegram|zalo.*(preview|crawler)|bingpreview|pinterest|vkshare|w3c_validator|lighthouse|pagespeed|curl\/|wget\/|python-requests|go-http-client|java\/|okhttp|axios\/|node-fetch|httpclient|feedfetcher|rss|uptime|monitor|^$/i;

/** True for a missing User-Agent or one that says it is a bot, crawler, preview or script. */
export function isBot(userAgent: string | null | undefined): boolean {
  return BOT_PATTERN.test((userAgent ?? '').trim());
}
