// The unit picker is used by accounts and suggestions, not by the units pages.
export const unitPickerTexts = {
  findUnits: (unit: string) => `查找${unit}`,
  findUnitsPlaceholder: (unit: string) => `输入${unit}名称中的几个字`,
};
