import { Input, type InputProps } from "@/components/ui/input";

/** The e-mail address one signs in with: the keyboard, autofill and spelling set for an address, focused first. */
export function EmailInput(props: InputProps) {
  return <Input type="email" autoComplete="username" inputMode="email" autoCapitalize="none" spellCheck={false} autoFocus required {...props} />;
}
