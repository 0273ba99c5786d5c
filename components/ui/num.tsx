export { Num, useFormatNum, type NumProps } from "./num-view";
export { formatNum } from "./num-format";
