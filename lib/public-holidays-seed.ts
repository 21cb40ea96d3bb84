// The official days off for 2026 and 2027 that migration 0009 writes into public_holidays
// (admins edit them at /dashboard/yeu-cau/ngay-nghi). Tết and Giỗ Tổ follow the lunar
// calendar: these are the announced (2026) or Labour-Code-derived (2027) solar dates.
// db/public-holidays.test.ts checks the migrated table equals this list.
export type HolidaySeed = { day: string; name: string; kind: 'holiday' | 'working_day' };

export const PUBLIC_HOLIDAYS_SEED: readonly HolidaySeed[] = [
  { day: '2026-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
  { day: '2026-01-02', name: 'Tết Dương lịch (nghỉ bù)', kind: 'holiday' },
  { day: '2026-02-16', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2026-02-17', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2026-02-18', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2026-02-19', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2026-02-20', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2026-04-27', name: 'Giỗ Tổ Hùng Vương (nghỉ bù)', kind: 'holiday' },
  { day: '2026-04-30', name: 'Ngày Chiến thắng', kind: 'holiday' },
  { day: '2026-05-01', name: 'Quốc tế Lao động', kind: 'holiday' },
  { day: '2026-08-22', name: 'Làm bù cho ngày 31/8', kind: 'working_day' },
  { day: '2026-08-31', name: 'Quốc khánh (hoán đổi)', kind: 'holiday' },
  { day: '2026-09-01', name: 'Quốc khánh', kind: 'holiday' },
  { day: '2026-09-02', name: 'Quốc khánh', kind: 'holiday' },
  { day: '2027-01-01', name: 'Tết Dương lịch', kind: 'holiday' },
  { day: '2027-02-04', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2027-02-05', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2027-02-08', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2027-02-09', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2027-02-10', name: 'Tết Nguyên đán', kind: 'holiday' },
  { day: '2027-04-16', name: 'Giỗ Tổ Hùng Vương', kind: 'holiday' },
  { day: '2027-04-30', name: 'Ngày Chiến thắng', kind: 'holiday' },
  { day: '2027-05-03', name: 'Quốc tế Lao động (nghỉ bù)', kind: 'holiday' },
  { day: '2027-09-02', name: 'Quốc khánh', kind: 'holiday' },
  { day: '2027-09-03', name: 'Quốc khánh', kind: 'holiday' },
];
