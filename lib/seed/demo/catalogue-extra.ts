/** Halcyon's wider product line beyond the 20 reference SKUs: [sku, description, list price]. */
export type ExtraRow = readonly [sku: string, description: string, price: number];

function mcuLine(): ExtraRow[] {
  const rows: ExtraRow[] = [];
  const flash = [32, 64, 128, 256, 512];
  const packages: [string, number][] = [["QFN-32", 0], ["LQFP-48", 0.25], ["LQFP-64", 0.45]];
  let n = 1100;
  for (const kb of flash) {
    for (const [pkg, extra] of packages) {
      // These two are the reference parts MCU-1000 and MCU-1010.
      if ((kb === 64 && pkg === "QFN-32") || (kb === 128 && pkg === "LQFP-48")) continue;
      rows.push([`MCU-${n}`, `32-bit MCU, ${kb} KB flash, ${pkg}`, Math.round((0.95 + (kb / 256) * 1.1 + extra) * 100) / 100]);
      n += 10;
    }
  }
  return rows;
}

export const EXTRA_FAMILIES: Record<string, ExtraRow[]> = {
  MCU: [
    ...mcuLine(),
    ["MCU-2100", "32-bit MCU, 256 KB flash, BLE 5.3", 3.2],
    ["MCU-2110", "32-bit MCU, 1 MB flash, BLE 5.3, QFN-48", 4.9],
    ["MCU-2120", "32-bit MCU, 512 KB flash, Sub-GHz radio", 3.85],
    ["MCU-2130", "32-bit MCU, 1 MB flash, Zigbee/Thread", 4.6],
    ["MCU-2150", "Dual-core MCU, 2 MB flash, Wi-Fi 6", 7.9],
    ["MCU-3000", "Cortex-M33 MCU, 1 MB flash, TrustZone", 5.6],
    ["MCU-3100", "Cortex-M7 MCU, 2 MB flash, 480 MHz, LQFP-144", 9.8],
  ],
  PMIC: [
    ["PMIC-300", "2-rail PMIC for wearables, 1.8 V/3.3 V", 0.95],
    ["PMIC-310", "3-rail PMIC with LDO bypass", 1.25],
    ["PMIC-320", "5-rail PMIC for FPGA power", 2.2],
    ["PMIC-330", "8-rail PMIC for application processors", 3.4],
    ["PMIC-340", "Single-cell Li-ion charger with power path", 0.85],
    ["PMIC-350", "4-rail PMIC with I2C sequencing", 1.9],
    ["PMIC-360", "Automotive 4-rail PMIC, AEC-Q100", 3.05],
    ["PMIC-370", "PMIC with fuel gauge and charger", 2.75],
  ],
  Power: [
    ["LDO-1518", "150 mA LDO, 1.8 V, SOT-23", 0.09],
    ["LDO-1533", "150 mA LDO, 3.3 V, SOT-23", 0.09],
    ["LDO-1550", "150 mA LDO, 5.0 V, SOT-23", 0.1],
    ["LDO-3018", "300 mA LDO, 1.8 V, SOT-23", 0.12],
    ["LDO-3050", "300 mA LDO, 5.0 V, SOT-23", 0.13],
    ["LDO-5018", "500 mA LDO, 1.8 V, DFN-6", 0.18],
    ["LDO-5033", "500 mA LDO, 3.3 V, DFN-6", 0.18],
    ["LDO-5050", "500 mA LDO, 5.0 V, DFN-6", 0.19],
    ["BUCK-110", "1 A synchronous buck converter", 0.45],
    ["BUCK-210", "2 A synchronous buck converter", 0.58],
    ["BUCK-310", "3 A synchronous buck converter", 0.7],
    ["BUCK-1010", "10 A synchronous buck converter, PMBus", 1.6],
    ["BUCK-136", "1 A synchronous buck converter, 36 V input", 0.95],
    ["BUCK-336", "3 A synchronous buck converter, 36 V input", 1.35],
    ["BOOST-120", "1.2 A boost converter, 5.5 V input", 0.55],
    ["BOOST-250", "2.5 A boost converter with load disconnect", 0.78],
    ["LSW-200", "2 A load switch with quick discharge", 0.22],
    ["LSW-500", "5 A load switch, 12 V", 0.41],
  ],
  Sensors: [
    ["SNS-ACC-1", "Low-power 3-axis accelerometer, ±16 g", 0.78],
    ["SNS-ACC-8", "Automotive 3-axis accelerometer, AEC-Q100", 1.65],
    ["SNS-GYR-3", "3-axis gyroscope, SPI", 1.7],
    ["SNS-IMU-9", "9-axis IMU with sensor fusion", 4.2],
    ["SNS-MAG-3", "3-axis magnetometer, I2C", 0.88],
    ["SNS-HUM-2", "Humidity and temperature sensor, ±2 %RH", 1.35],
    ["SNS-TMP-2", "Digital temperature sensor, ±0.1 °C, medical grade", 1.05],
    ["SNS-TMP-5", "Analog temperature sensor, SC-70", 0.18],
    ["SNS-ALS-1", "Ambient light sensor, I2C", 0.46],
    ["SNS-PRX-1", "Proximity and ambient light sensor", 0.92],
    ["SNS-TOF-4", "Time-of-flight distance sensor, 4 m", 2.85],
    ["SNS-GAS-1", "Indoor air quality gas sensor (VOC)", 3.6],
    ["SNS-CUR-20", "Hall-effect current sensor, 20 A", 1.4],
    ["SNS-PRS-5", "Differential pressure sensor, ±500 Pa", 3.95],
  ],
  Interface: [
    ["IF-CAN-20", "CAN FD transceiver with standby, 8 Mbps", 0.72],
    ["IF-CAN-30", "Isolated CAN FD transceiver", 2.45],
    ["IF-LIN-10", "LIN transceiver, AEC-Q100", 0.38],
    ["IF-485-10", "RS-485 transceiver, 20 Mbps", 0.52],
    ["IF-485-20", "Isolated RS-485 transceiver, 5 kV", 2.1],
    ["IF-232-10", "RS-232 transceiver, 2 drivers / 2 receivers", 0.44],
    ["IF-USB-10", "USB 2.0 high-speed hub, 4 ports", 1.85],
    ["IF-USB-30", "USB to UART bridge, full speed", 0.98],
    ["IF-ETH-200", "10/100/1000 Ethernet PHY, RGMII", 2.4],
    ["IF-ETH-T1", "100BASE-T1 automotive Ethernet PHY", 2.95],
    ["IF-I2C-4", "4-channel I2C multiplexer", 0.34],
    ["IF-LVL-8", "8-bit bidirectional level translator", 0.21],
    ["IF-LVDS-4", "Quad LVDS line driver", 0.86],
    ["IF-IO-16", "16-bit I2C I/O expander with interrupt", 0.62],
  ],
  Memory: [
    ["MEM-FL-8", "8 Mbit SPI NOR flash", 0.29],
    ["MEM-FL-32", "32 Mbit SPI NOR flash", 0.52],
    ["MEM-FL-128", "128 Mbit SPI NOR flash", 1.35],
    ["MEM-FL-256", "256 Mbit SPI NOR flash", 2.4],
    ["MEM-FL-512", "512 Mbit quad SPI NOR flash, 1.8 V", 3.9],
    ["MEM-EE-4", "4 Kbit I2C EEPROM", 0.11],
    ["MEM-EE-16", "16 Kbit I2C EEPROM", 0.15],
    ["MEM-EE-64", "64 Kbit I2C EEPROM", 0.24],
    ["MEM-EE-256", "256 Kbit I2C EEPROM", 0.52],
    ["MEM-EE-1W", "1 Kbit 1-Wire EEPROM", 0.34],
    ["MEM-FR-256", "256 Kbit SPI FRAM", 2.15],
    ["MEM-FR-1M", "1 Mbit SPI FRAM", 4.8],
    ["MEM-PS-64", "64 Mbit quad SPI PSRAM", 1.1],
    ["MEM-NA-1G", "1 Gbit SPI NAND flash", 1.95],
  ],
  Analog: [
    ["ANA-OP-1", "Single low-power op-amp, 1 µA", 0.19],
    ["ANA-OP-4", "Quad rail-to-rail op-amp", 0.42],
    ["ANA-OP-Z2", "Dual zero-drift op-amp", 0.95],
    ["ANA-INA-1", "Precision instrumentation amplifier", 1.85],
    ["ANA-CMP-1", "High-speed comparator, 7 ns", 0.36],
    ["ANA-CMP-2", "Dual nanopower comparator", 0.27],
    ["ANA-ADC-12", "12-bit 1 MSPS SAR ADC, 8 channels", 1.45],
    ["ANA-ADC-24", "24-bit delta-sigma ADC with PGA", 4.6],
    ["ANA-DAC-12", "12-bit quad DAC, I2C", 1.3],
    ["ANA-DAC-16", "16-bit single DAC, SPI", 2.7],
    ["ANA-REF-25", "2.5 V precision voltage reference, 0.05 %", 0.68],
    ["ANA-REF-41", "4.096 V voltage reference, SOT-23", 0.74],
    ["ANA-CS-1", "High-side current-sense amplifier", 0.48],
    ["ANA-SW-4", "Quad SPST analog switch", 0.31],
  ],
  Timing: [
    ["TIM-RTC-1", "Real-time clock with I2C, 32.768 kHz", 0.55],
    ["TIM-RTC-2", "RTC with integrated crystal, ±5 ppm", 1.2],
    ["TIM-OSC-25", "MEMS oscillator, 25 MHz", 0.62],
    ["TIM-OSC-48", "MEMS oscillator, 48 MHz, low jitter", 0.74],
    ["TIM-CLK-4", "1:4 LVCMOS clock buffer", 0.58],
    ["TIM-PLL-3", "Programmable 3-output clock generator", 1.95],
    ["TIM-WDT-1", "Watchdog timer with reset, SOT-23", 0.24],
    ["TIM-SUP-1", "Voltage supervisor, 2.93 V threshold", 0.16],
  ],
  Protection: [
    ["PRT-ESD-4", "4-channel ESD protection array, USB 3.0", 0.14],
    ["PRT-ESD-1", "Single-line ESD diode, 0402", 0.04],
    ["PRT-TVS-24", "24 V TVS diode, SMA", 0.11],
    ["PRT-EFU-5", "5 A eFuse with current limit", 0.82],
    ["PRT-HSW-2", "Automotive high-side switch, 2 channels", 1.75],
    ["PRT-ORG-1", "Ideal diode controller, reverse-polarity protection", 0.68],
  ],
};
