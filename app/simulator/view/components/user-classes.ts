// Class names written by the user (hover-class, classes inside rich-text nodes) must carry the page's
// style-isolation prefix to meet its WXSS. The runtime knows the prefix; it installs the resolver here.

export type UserClassResolver = (element: Element, classNames: string) => string[];

let resolver: UserClassResolver = (_element, classNames) => classNames.split(/\s+/).filter(Boolean);

export function setUserClassResolver(next: UserClassResolver): void {
  resolver = next;
}

export function resolveUserClasses(element: Element, classNames: string): string[] {
  return resolver(element, classNames);
}
