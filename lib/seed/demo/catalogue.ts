/** The product catalogue: the 20 reference rows (verbatim from the issue) plus the wider line. */
import { EXTRA_FAMILIES } from "./catalogue-extra";

export interface DemoProduct {
  sku: string;
  description: string;
  family: string;
  listPrice: string;
  upc: string | null;
}

/** Reference catalogue (catalogue.csv): sku, description, family, list price, UPC. Keep verbatim. */
export const REFERENCE_CATALOGUE: readonly DemoProduct[] = (
  [
    ["MCU-1000", "32-bit MCU, 64 KB flash, QFN-32", "MCU", "2.15", "840012300011"],
    ["MCU-1010", "32-bit MCU, 128 KB flash, LQFP-48", "MCU", "2.95", "840012300028"],
    ["MCU-2000", "32-bit MCU, 512 KB flash, BLE", "MCU", "4.40", "840012300035"],
    ["MCU-2050", "Dual-core MCU, 1 MB flash, Wi-Fi", "MCU", "6.80", "840012300042"],
    ["PMIC-220", "4-rail PMIC for application processors", "PMIC", "1.75", "840012300059"],
    ["PMIC-240", "6-rail PMIC with charger", "PMIC", "2.60", "840012300066"],
    ["LDO-330", "300 mA LDO, 3.3 V, SOT-23", "Power", "0.12", "840012300073"],
    ["BUCK-510", "5 A synchronous buck converter", "Power", "0.85", "840012300080"],
    ["SNS-ACC-3", "3-axis accelerometer, I2C/SPI", "Sensors", "0.95", "840012300097"],
    ["SNS-GYR-6", "6-axis IMU", "Sensors", "2.30", "840012300103"],
    ["SNS-TMP-1", "Digital temperature sensor, ±0.5 °C", "Sensors", "0.40", "840012300110"],
    ["SNS-PRS-2", "Barometric pressure sensor", "Sensors", "1.10", "840012300127"],
    ["IF-CAN-10", "CAN FD transceiver", "Interface", "0.65", "840012300134"],
    ["IF-USB-20", "USB-C PD controller", "Interface", "1.45", "840012300141"],
    ["IF-ETH-100", "10/100 Ethernet PHY", "Interface", "1.20", "840012300158"],
    ["MEM-FL-16", "16 Mbit SPI NOR flash", "Memory", "0.38", "840012300165"],
    ["MEM-FL-64", "64 Mbit SPI NOR flash", "Memory", "0.72", "840012300172"],
    ["MEM-EE-2", "2 Kbit I2C EEPROM", "Memory", "0.09", "840012300189"],
    ["ANA-OP-2", "Dual rail-to-rail op-amp", "Analog", "0.28", "840012300196"],
    ["ANA-ADC-16", "16-bit 1 MSPS SAR ADC", "Analog", "3.10", "840012300202"],
  ] as const
).map(([sku, description, family, listPrice, upc]) => ({ sku, description, family, listPrice, upc }));

/** UPC-A with a GS1 check digit over the 11-digit body. */
export function upcA(body11: string): string {
  let sum = 0;
  for (let i = 0; i < 11; i++) sum += Number(body11[i]) * (i % 2 === 0 ? 3 : 1);
  return body11 + String((10 - (sum % 10)) % 10);
}

/** 2.2 → "2.20" without floating-point surprises. */
export function priceText(price: number): string {
  const cents = Math.round(price * 100);
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;
}

/**
 * Every product, reference rows first. Generated rows use item numbers 1001+ under Halcyon's
 * prefix 8400123, so they never collide with the reference UPCs (items 0001–0020).
 */
export function buildProducts(): DemoProduct[] {
  const out: DemoProduct[] = [...REFERENCE_CATALOGUE];
  let item = 1001;
  for (const [family, rows] of Object.entries(EXTRA_FAMILIES)) {
    for (const [sku, description, price] of rows) {
      out.push({ sku, description, family, listPrice: priceText(price), upc: upcA(`8400123${item}`) });
      item++;
    }
  }
  return out;
}
