import Foundation
extension String { func padded(_ n: Int) -> String { self + String(repeating: " ", count: max(0, n - count)) } }
