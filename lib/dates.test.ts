import { describe, expect, it } from 'vitest';
import { formatDate, formatPublishTime, toVietnamIso } from './dates';

describe('formatPublishTime', () => {
  it('prints HH:mm dd/MM/yyyy in Asia/Ho_Chi_Minh', () => {
    // 08:31 UTC is 15:31 in Vietnam (UTC+7).
    expect(formatPublishTime(new Date('2020-04-06T08:31:00Z'))).toBe('15:31 06/04/2020');
  });

  it('crosses midnight into the Vietnamese date', () => {
    expect(formatPublishTime(new Date('2020-12-31T17:05:00Z'))).toBe('00:05 01/01/2021');
    expect(formatDate(new Date('2020-12-31T17:05:00Z'))).toBe('01/01/2021');
  });
});

describe('toVietnamIso', () => {
  it('gives local time with a +07:00 offset', () => {
    expect(toVietnamIso(new Date('2020-04-06T08:31:05Z'))).toBe('2020-04-06T15:31:05+07:00');
  });
});

describe('Vietnam local date-time inputs', () => {
  it('round-trips through the datetime-local format in Vietnam time', async () => {
    const { parseVietnamLocal, toVietnamLocalInput } = await import('./dates');
    const date = parseVietnamLocal('2020-04-06T15:31');
    expect(date?.toISOString()).toBe('2020-04-06T08:31:00.000Z');
    expect(toVietnamLocalInput(date!)).toBe('2020-04-06T15:31');
    expect(parseVietnamLocal('06/04/2020 15:31')).toBeNull();
    expect(parseVietnamLocal('2020-13-40T99:99')).toBeNull();
  });
});
