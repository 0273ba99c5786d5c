import { AuthFrame } from "@/components/auth/auth-frame";
import { Skeleton } from "@/components/ui/skeleton";

export default function SignInLoading() {
  return (
    <AuthFrame>
      <div className="space-y-4" aria-busy="true">
        <span className="sr-only">Loading</span>
        <div className="space-y-1.5">
          <Skeleton className="h-4 w-14" />
          <Skeleton className="h-9 w-full" />
        </div>
        <div className="space-y-1.5">
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-9 w-full" />
        </div>
        <Skeleton className="h-9 w-full" />
      </div>
    </AuthFrame>
  );
}
